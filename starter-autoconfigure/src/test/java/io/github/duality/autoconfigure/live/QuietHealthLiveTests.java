package io.github.duality.autoconfigure.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.health.DualityHealthContributorAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.migration.MigrationModeAutoConfiguration;
import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration health component is cheap (it reports the startup run from memory and checks the path at most once
 * per interval) and quiet: whatever the database does (gone, silent, or a host its certificate does not name), the
 * components are DOWN with the cause in their details, and nothing is logged at ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietHealthLiveTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final int PROBES = 10;

	private long ownSessions;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, MigrationModeAutoConfiguration.class,
				DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class, DualityHealthContributorAutoConfiguration.class))
		.withPropertyValues("duality.health.timeout=10s");

	@Test
	void reportsTheStartupRunAndChecksThePathOncePerInterval() {
		postgres.createDatabase("quiet_interval");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + postgres.databaseUrl("quiet_interval"),
					"spring.liquibase.change-log=classpath:db/modes/changelog.yaml", "spring.liquibase.contexts=default",
					"duality.health.migration.interval=1h")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// PostgreSQL counts a session in its statistics once its backend has flushed them: Liquibase's too
				ChildApplication.pause(Duration.ofSeconds(2));
				long sessionsBefore = sessionsOpened("quiet_interval");
				Instant firstProbe = Instant.now();
				List<Health> probes = new ArrayList<>();
				for (int i = 0; i < PROBES; i++) {
					probes.add(health(context, "migration"));
				}
				ChildApplication.pause(Duration.ofSeconds(2));
				long opened = sessionsOpened("quiet_interval") - sessionsBefore;
				System.out.printf("%d migration health probes within the interval opened %d session(s)%n", PROBES,
						opened);
				// the path was checked once, when the startup migration had succeeded, before any probe
				assertThat(opened).isZero();
				assertThat(Instant.parse((String) probes.get(0).getDetails().get("checkedAt"))).isBefore(firstProbe);
				assertThat(probes).allSatisfy((health) -> {
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("checkedAt", probes.get(0).getDetails().get("checkedAt"));
				});
				assertThat(probes.get(0).getDetails().get("startup")).asInstanceOf(
						org.assertj.core.api.InstanceOfAssertFactories.MAP)
					.extractingByKey("liquibase")
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
					.containsEntry("outcome", "applied")
					.containsEntry("applied", 3L)
					.containsEntry("last", "seed-item")
					.containsKey("duration");
			});
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + postgres.databaseUrl("quiet_interval"),
					"spring.liquibase.change-log=classpath:db/modes/changelog.yaml", "spring.liquibase.contexts=default")
			.run((context) -> assertThat(health(context, "migration").getDetails())
				.extractingByKey("startup")
				.isEqualTo(Map.of("liquibase", Map.of("outcome", "up to date", "applied", 0L,
						"duration", startupDuration(context)))));
	}

	@Test
	void aDatabaseThatGoesAwayIsDownWithoutAnErrorLog(CapturedOutput output) {
		TestPostgres dedicated = TestPostgres.dedicated();
		try {
			this.contextRunner
				.withPropertyValues("spring.liquibase.enabled=false", "duality.health.migration.interval=0s",
						"spring.datasource.url=" + dedicated.databaseUrl())
				.run((context) -> {
					assertThat(health(context, "migration").getStatus()).isEqualTo(Status.UP);
					assertThat(health(context, "application").getStatus()).isEqualTo(Status.UP);
					dedicated.stop();
					// the driver logs each pooled connection the server resets, health check or not: not ours
					ChildApplication.pause(Duration.ofSeconds(2));
					// the pool may report the dead idle connection it validated (r2dbc-postgresql 1.1.1, Boot 4.0)
					// rather than the refused connect that replaces it (1.1.3)
					assertQuietlyDown(context, output, output.getAll().length(), "refused|connection validation failed");
				});
		}
		finally {
			dedicated.destroy();
		}
	}

	@Test
	void aDatabaseThatDoesNotAnswerIsDownWithoutAnErrorLog(CapturedOutput output) throws IOException {
		try (SilentServer silent = new SilentServer()) {
			this.contextRunner
				.withPropertyValues("spring.liquibase.enabled=false", "duality.health.migration.interval=0s",
						"duality.health.timeout=1s",
						"spring.datasource.url=postgres://app:secret@127.0.0.1:" + silent.port()
								+ "/app?sslmode=disable")
				.run((context) -> assertQuietlyDown(context, output, output.getAll().length(), "timed out|within"));
		}
	}

	@Test
	void aHostTheCertificateDoesNotNameIsDownWithoutAnErrorLog(CapturedOutput output) {
		String url = postgres.databaseUrl().replace("@" + postgres.host() + ":", "@" + postgres.hostNotInCertificate() + ":");
		this.contextRunner
			.withPropertyValues("spring.liquibase.enabled=false", "duality.health.migration.interval=0s",
					"spring.datasource.url=" + url)
			.run((context) -> assertQuietlyDown(context, output, output.getAll().length(), "127.0.0.2|certificate|hostname"));
	}

	/** Probes both components repeatedly, then lets any late failure of a timed-out check happen, then looks. */
	private static void assertQuietlyDown(AssertableApplicationContext context, CapturedOutput output, int start,
			String cause) {
		assertThat(context).hasNotFailed();
		for (int i = 0; i < PROBES; i++) {
			for (String component : new String[] { "migration", "application" }) {
				Health health = health(context, component);
				assertThat(health.getStatus()).as("%s: %s", component, health).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("error")).as(component).asString()
					.containsPattern("(?i)" + cause)
					.doesNotContain("\tat ")
					.doesNotContain("secret");
			}
		}
		ChildApplication.pause(Duration.ofSeconds(5));
		String logged = output.getAll().substring(start);
		System.out.printf("%d probes of each component while the database failed: %d ERROR or SEVERE line(s) logged%n", PROBES,
				logged.lines().filter((line) -> line.contains(" ERROR ") || line.contains("SEVERE")).count());
		assertThat(logged).doesNotContain(" ERROR ")
			.doesNotContain("SEVERE")
			.doesNotContain("onErrorDropped")
			.doesNotContain("unusual");
	}

	private static Object startupDuration(AssertableApplicationContext context) {
		Health health = health(context, "migration");
		return ((Map<?, ?>) ((Map<?, ?>) health.getDetails().get("startup")).get("liquibase")).get("duration");
	}

	/** Sessions opened on the database so far, not counting those of this method's own queries. */
	private long sessionsOpened(String database) {
		long total = ((Number) postgres.queryAsSuperuserIn(database,
				"select sessions from pg_stat_database where datname = current_database()").get(0).get("sessions"))
			.longValue();
		return total - (this.ownSessions++);
	}

	private static Health health(AssertableApplicationContext context, String component) {
		CompositeReactiveHealthContributor database = context.getBean("databaseHealthContributor",
				CompositeReactiveHealthContributor.class);
		return ((ReactiveHealthIndicator) database.getContributor(component)).health().block(Duration.ofSeconds(30));
	}

	/** Accepts TCP connections and never answers, like a server that hangs. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0);

		private final List<Socket> accepted = new ArrayList<>();

		private final Thread acceptor = new Thread(this::accept, "silent-server");

		SilentServer() throws IOException {
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void accept() {
			try {
				while (!this.socket.isClosed()) {
					Socket client = this.socket.accept();
					synchronized (this.accepted) {
						this.accepted.add(client);
					}
				}
			}
			catch (IOException ex) {
				if (!this.socket.isClosed()) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			synchronized (this.accepted) {
				for (Socket client : this.accepted) {
					client.close();
				}
			}
		}

	}

}
