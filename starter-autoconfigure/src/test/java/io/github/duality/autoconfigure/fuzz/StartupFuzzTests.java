package io.github.duality.autoconfigure.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.PoolDefaultsEnvironmentPostProcessor;
import io.github.duality.core.DerivedConnection;
import io.github.duality.testsupport.fuzz.SecretForms;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand hostile {@code spring.datasource.*} inputs, seeded and so repeatable, through application startup
 * (the starter's auto-configurations and Boot's R2DBC, JDBC and Liquibase ones, nothing connects). Each either
 * starts, with connection details that can be read and a JDBC URL pgjdbc accepts, or fails with an analysis from
 * one of the starter's failure analyzers, chosen the way Boot chooses. Never a hang, and never a password in the
 * analysis, in any message of the failure's cause chain, or in anything logged. Run with
 * {@code -Dduality.fuzz.seed=...} and {@code -Dduality.fuzz.startups=...} to explore further.
 */
class StartupFuzzTests {

	private static final Log logger = LogFactory.getLog(StartupFuzzTests.class);

	private static final long SEED = Long.getLong("duality.fuzz.seed", 20261202L);

	private static final int STARTUPS = Integer.getInteger("duality.fuzz.startups", 10_000);

	/** Generous for a context without a database on a loaded machine; a hang is what exceeds it. */
	private static final long STARTUP_BOUND_SECONDS = 20;

	private static final int EXAMPLES_PER_FINDING = 3;

	/**
	 * Sorted once, not for each of the ten thousand contexts, and registered in that order, as
	 * {@code withConfiguration} would register them.
	 */
	private static final Class<?>[] AUTO_CONFIGURATIONS = Configurations.getClasses(AutoConfigurations.of(
			DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class, DualityJdbcAutoConfiguration.class,
			DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class, DataSourceAutoConfiguration.class,
			LiquibaseAutoConfiguration.class));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(AUTO_CONFIGURATIONS)
		.withInitializer((context) -> new PoolDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withPropertyValues("spring.liquibase.enabled=false");

	private final Map<String, List<String>> findings = new LinkedHashMap<>();

	private final Map<String, Integer> findingCounts = new LinkedHashMap<>();

	private int started;

	private int analyzed;

	@Test
	void everyStartupSucceedsOrIsExplainedWithoutThePassword() throws InterruptedException {
		List<StartupInput> inputs = new HostileStartupInputs(SEED).generate(STARTUPS);
		long begin = System.nanoTime();
		ExecutorService startups = Executors.newSingleThreadExecutor();
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		LogLevel level = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
		// the level of a real application: Logback's unconfigured DEBUG would make each startup several times slower
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
		try (OutputRecorder output = new OutputRecorder()) {
			for (int i = 0; i < inputs.size(); i++) {
				StartupInput input = inputs.get(i);
				Future<?> startup = startups.submit(startAndCheck(input, i % 2 == 0, output));
				try {
					startup.get(STARTUP_BOUND_SECONDS, TimeUnit.SECONDS);
				}
				catch (TimeoutException ex) {
					record("startup did not end within " + STARTUP_BOUND_SECONDS + " s", input);
					startup.cancel(true);
					startups.shutdownNow();
					startups = Executors.newSingleThreadExecutor();
				}
				catch (ExecutionException ex) {
					record("the check itself failed: " + ex.getCause(), input);
				}
			}
		}
		finally {
			startups.shutdownNow();
			logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, level);
		}
		System.out.printf("Startup fuzz (seed %d): %d inputs in %d ms, %d started, %d failed with an analysis%n", SEED,
				inputs.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), this.started, this.analyzed);
		assertThat(this.findings).as("startup fuzz findings (seed %d), inputs per finding %s; each with up to %d "
				+ "example inputs", SEED, this.findingCounts, EXAMPLES_PER_FINDING)
			.isEmpty();
	}

	private Runnable startAndCheck(StartupInput input, boolean fromEnvironmentVariable, OutputRecorder output) {
		return () -> {
			AtomicReference<ConfigurableApplicationContext> starting = new AtomicReference<>();
			output.take();
			this.contextRunner.withInitializer((context) -> {
				starting.set(context);
				context.getEnvironment().getPropertySources().addFirst(properties(input, fromEnvironmentVariable));
			}).run((context) -> {
				List<String> printed = new ArrayList<>();
				List<String> secrets = new ArrayList<>(input.secrets());
				if (context.getStartupFailure() == null) {
					checkStarted(input, context, printed, secrets);
				}
				else {
					checkExplained(input, context.getStartupFailure(), starting.get(), printed);
				}
				printed.add(output.take());
				checkHidden(input, secrets, printed);
			});
		};
	}

	/** The URL as {@code spring.datasource.url} itself, or as the usual {@code ${DATABASE_URL}}. */
	private static MapPropertySource properties(StartupInput input, boolean fromEnvironmentVariable) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (fromEnvironmentVariable) {
			properties.put("DATABASE_URL", input.url());
			properties.put("spring.datasource.url", "${DATABASE_URL}");
		}
		else {
			properties.put("spring.datasource.url", input.url());
		}
		if (input.user() != null) {
			properties.put("spring.datasource.username", input.user());
		}
		if (input.password() != null) {
			properties.put("spring.datasource.password", input.password());
		}
		return new MapPropertySource("fuzzedInput", properties);
	}

	/**
	 * A started context must give readable connection details. The password it derived is a secret too, unless a
	 * mutation glued it to the user, database or host names, which are shown on purpose.
	 */
	private void checkStarted(StartupInput input, AssertableApplicationContext context, List<String> printed,
			List<String> secrets) {
		this.started++;
		try {
			context.getBean(ConnectionFactory.class);
			context.getBean(R2dbcConnectionDetails.class).getConnectionFactoryOptions();
			LiquibaseConnectionDetails migration = context.getBean(LiquibaseConnectionDetails.class);
			JdbcConnectionDetails jdbc = context.getBean(JdbcConnectionDetails.class);
			for (String jdbcUrl : List.of(migration.getJdbcUrl(), jdbc.getJdbcUrl())) {
				if (Driver.parseURL(jdbcUrl, null) == null) {
					record("started, but pgjdbc refuses the derived JDBC URL", input);
				}
				printed.add(jdbcUrl);
			}
			migration.getUsername();
			migration.getPassword();
			jdbc.getDriverClassName();
			DerivedConnection derived = context.getBean(DerivedConnection.class);
			printed.add(derived.toString());
			printed.add(derived.maskedInput());
			if (derived.spec().credentials().password() != null) {
				secrets.add(derived.spec().credentials().password());
			}
			List<String> shown = new ArrayList<>(List.of(String.valueOf(derived.spec().credentials().user()),
					String.valueOf(derived.spec().session().database())));
			derived.spec().endpoints().hosts().forEach((host) -> shown.add(host.host()));
			secrets.removeIf((secret) -> shown.stream().anyMatch((value) -> value.contains(secret)));
		}
		catch (RuntimeException ex) {
			record("started, but reading the connection details throws " + ex.getClass().getName(), input);
			printed.addAll(messages(ex));
		}
	}

	private void checkExplained(StartupInput input, Throwable failure, ConfigurableApplicationContext context,
			List<String> printed) {
		printed.addAll(messages(failure));
		for (FailureAnalyzer analyzer : failureAnalyzers(context)) {
			FailureAnalysis analysis;
			try {
				analysis = analyzer.analyze(failure);
			}
			catch (RuntimeException ex) {
				// Boot skips an analyzer that throws, and so do we, but it is a defect of that analyzer
				record(analyzer.getClass().getName() + " throws " + ex.getClass().getName(), input);
				continue;
			}
			if (analysis != null) {
				if (analyzer.getClass().getName().startsWith("io.github.duality.")) {
					this.analyzed++;
				}
				else {
					record("analyzed only by " + analyzer.getClass().getName() + ": " + rootCause(failure), input);
				}
				printed.add(analysis.getDescription());
				printed.add(analysis.getAction());
				return;
			}
		}
		record("no failure analysis: " + rootCause(failure), input);
	}

	/** Every failure analyzer in {@code spring.factories}, in Boot's order and with the arguments Boot gives them. */
	private static List<FailureAnalyzer> failureAnalyzers(ConfigurableApplicationContext context) {
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, context.getBeanFactory())
			.and(Environment.class, context.getEnvironment());
		return SpringFactoriesLoader.forDefaultResourceLocation(context.getClassLoader())
			.load(FailureAnalyzer.class, arguments, FailureHandler.logging(logger));
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getName();
	}

	/** Each message of the cause chain and of what it suppressed, as a stack trace prints them. */
	private static List<String> messages(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null && messages.size() < 100; cause = cause.getCause()) {
			messages.add(cause.toString());
			for (Throwable suppressed : cause.getSuppressed()) {
				messages.addAll(messages(suppressed));
			}
		}
		return messages;
	}

	private void checkHidden(StartupInput input, List<String> secrets, List<String> printed) {
		for (String secret : secrets) {
			for (String form : SecretForms.of(secret)) {
				if (printed.stream().anyMatch((text) -> text != null && text.contains(form))) {
					record("password shown", input);
					return;
				}
			}
		}
	}

	private void record(String finding, StartupInput input) {
		List<String> examples = this.findings.computeIfAbsent(finding, (key) -> new ArrayList<>());
		if (examples.size() < EXAMPLES_PER_FINDING) {
			examples.add(input.abbreviated());
		}
		this.findingCounts.merge(finding, 1, Integer::sum);
	}

}
