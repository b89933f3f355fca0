package io.github.duality.core.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.Secrets;
import io.github.duality.testsupport.fuzz.SecretForms;
import io.github.duality.testsupport.fuzz.UrlMutator;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of mutated URLs, seeded and so repeatable: {@link DatabaseUrl#derive} must answer each with a result or
 * an {@link InvalidConnectionUrlException}, and nothing it prints may hold the password. Run with
 * {@code -Dduality.fuzz.seed=...} and {@code -Dduality.fuzz.iterations=...} to explore further.
 */
class DatabaseUrlFuzzTests {

	private static final long SEED = Long.getLong("duality.fuzz.seed", 20261123L);

	private static final int ITERATIONS = Integer.getInteger("duality.fuzz.iterations", 5000);

	private static final String PASSWORD = SecretForms.HOSTILE_PASSWORD;

	private static final String ENCODED = SecretForms.HOSTILE_PASSWORD_ENCODED;

	private static final List<PlantedPassword> PLANTED_PASSWORDS = List.of(new PlantedPassword(ENCODED),
			new PlantedPassword(UrlMutator.OTHER_PASSWORD));

	/** Findings are grouped by kind; a few inputs of each are enough to reproduce it. */
	private static final int EXAMPLES_PER_FINDING = 3;

	/** pgjdbc warns about every URL it cannot parse; thousands of such lines would bury the build log. */
	private static final Logger PGJDBC_LOGGER = Logger.getLogger("org.postgresql");

	private static Level pgjdbcLevel;

	private final Map<String, List<String>> findings = new LinkedHashMap<>();

	@BeforeAll
	static void quietPgjdbc() {
		pgjdbcLevel = PGJDBC_LOGGER.getLevel();
		PGJDBC_LOGGER.setLevel(Level.SEVERE);
	}

	@AfterAll
	static void restorePgjdbc() {
		PGJDBC_LOGGER.setLevel(pgjdbcLevel);
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void derivedConnectionsAndRefusalsNeverCrashOrLeakThePassword() {
		Random random = new Random(SEED);
		List<Seed> corpus = Seed.corpus();
		for (Seed seed : corpus) {
			check(seed, seed.url());
		}
		UrlMutator mutator = new UrlMutator(random);
		for (int i = 0; i < ITERATIONS; i++) {
			Seed seed = corpus.get(random.nextInt(corpus.size()));
			check(seed, mutator.mutate(seed.url()));
		}
		assertThat(this.findings).as("fuzz findings (seed %d); each with up to %d example inputs", SEED,
				EXAMPLES_PER_FINDING)
			.isEmpty();
	}

	private void check(Seed seed, String url) {
		Set<String> secretsInUrl = secretsInUrl(url);
		Set<String> knownSecrets = new LinkedHashSet<>(secretsInUrl);
		if (seed.password() != null) {
			knownSecrets.add(seed.password());
		}
		try {
			DerivedConnection connection = DatabaseUrl.derive(url, seed.user(), seed.password());
			Set<String> secrets = new LinkedHashSet<>(knownSecrets);
			secrets.addAll(derivedPasswords(connection));
			// A mutation can glue the password to the user or database name, which are shown on purpose
			List<String> shown = shownOnPurpose(connection);
			secrets.removeIf((secret) -> shown.stream().anyMatch((value) -> value.contains(secret)));
			checkHidden(url, "derived connection", secrets, printedBy(connection));
		}
		catch (InvalidConnectionUrlException ex) {
			checkHidden(url, "refusal", knownSecrets, List.of(String.valueOf(ex.getMessage()),
					String.valueOf(ex.getProblem()), String.valueOf(ex.getFix()), String.valueOf(ex.getParameter()),
					ex.toString()));
		}
		catch (RuntimeException | StackOverflowError ex) {
			record(ex.getClass().getName() + " thrown by derive", url);
		}
		// Secrets.mask sees the URL alone, so it can only be held to the passwords in the URL
		checkHidden(url, "Secrets.mask", secretsInUrl, List.of(String.valueOf(Secrets.mask(url))));
	}

	/**
	 * Each planted password that the mutations left whole and in a password's place: between a
	 * {@code :} and an {@code @}, or as the value of a parameter whose name says "password" (introduced by
	 * {@code ?}, {@code &} or whitespace, as a stray space or newline for {@code &} leaves it). Elsewhere it may no
	 * longer be a password at all: glued to the path by a deleted {@code ?} it is part of the database name, which
	 * is shown.
	 */
	private static Set<String> secretsInUrl(String url) {
		Set<String> secrets = new LinkedHashSet<>();
		for (PlantedPassword planted : PLANTED_PASSWORDS) {
			if (planted.isStillAPasswordIn(url)) {
				secrets.add(SecretForms.decode(planted.written()));
			}
		}
		return secrets;
	}

	private static List<String> derivedPasswords(DerivedConnection connection) {
		List<String> passwords = new ArrayList<>();
		passwords.add(connection.spec().credentials().password());
		passwords.add(connection.jdbc().password());
		passwords.add(connection.migrationJdbc().password());
		ConnectionFactoryOptions options = connection.r2dbc().options();
		Object r2dbcPassword = options.getValue(ConnectionFactoryOptions.PASSWORD);
		passwords.add((r2dbcPassword != null) ? r2dbcPassword.toString() : null);
		passwords.removeIf(Objects::isNull);
		return passwords;
	}

	private static List<String> shownOnPurpose(DerivedConnection connection) {
		List<String> shown = new ArrayList<>(List.of(connection.spec().credentials().user(), connection.spec().session().database()));
		connection.spec().endpoints().hosts().forEach((host) -> shown.add(host.host()));
		return shown;
	}

	private static List<String> printedBy(DerivedConnection connection) {
		List<String> printed = new ArrayList<>();
		printed.add(connection.maskedInput());
		printed.add(connection.toString());
		printed.add(connection.spec().toString());
		for (var target : List.of(connection.jdbc(), connection.migrationJdbc())) {
			printed.add(target.toString());
			printed.add(target.url());
			printed.add(target.maskedProperties().toString());
		}
		printed.add(connection.r2dbc().toString());
		printed.add(connection.r2dbc().maskedOptions().toString());
		printed.addAll(connection.notes());
		return printed;
	}

	private void checkHidden(String url, String where, Set<String> secrets, List<String> printed) {
		for (String secret : secrets) {
			for (String form : SecretForms.of(secret)) {
				if (printed.stream().anyMatch((text) -> text.contains(form))) {
					record("password shown by " + where + " as '" + form + "'", url);
					return;
				}
			}
		}
	}

	private void record(String finding, String url) {
		List<String> examples = this.findings.computeIfAbsent(finding, (key) -> new ArrayList<>());
		if (examples.size() < EXAMPLES_PER_FINDING) {
			examples.add(url);
		}
	}

	/**
	 * A password planted in the URLs, as written there.
	 */
	record PlantedPassword(String written, Pattern place) {

		PlantedPassword(String written) {
			this(written, Pattern.compile(":" + Pattern.quote(written) + "@|(?:^|[?&\\s])[^=?&\\s/:@#]*(?i:password)"
					+ "[^=?&\\s/:@#]*=" + Pattern.quote(written)));
		}

		boolean isStillAPasswordIn(String url) {
			return this.place.matcher(url).find();
		}

	}

	/**
	 * A valid input and the credentials passed beside it.
	 */
	record Seed(String url, String user, String password) {

		static List<Seed> corpus() {
			String userInfo = "app:" + ENCODED + "@";
			return List.of(new Seed("postgres://" + userInfo + "db.example.com:5432/shop?sslmode=require", null, null),
					new Seed("postgresql://" + userInfo + "db.example.com/shop?application_name=fuzz&connect_timeout=10",
							null, null),
					new Seed("postgresql://" + userInfo + "db1.example.com:5432,db2.example.com:5433/shop"
							+ "?target_session_attrs=read-write", null, null),
					new Seed("postgres://app@db.example.com/shop?password=" + ENCODED + "&sslmode=disable", null, null),
					new Seed("postgres://" + userInfo + "[::1]:5432/shop?sslmode=prefer", null, null),
					new Seed("postgresql+asyncpg://" + userInfo + "db.example.com/shop?ssl=require", null, null),
					new Seed("jdbc:postgresql://db.example.com:5432/shop?user=app&password=" + ENCODED
							+ "&sslmode=require", null, null),
					new Seed("jdbc:postgresql://db1.example.com,db2.example.com/shop?targetServerType=primary"
							+ "&user=app&password=" + ENCODED, null, null),
					new Seed("jdbc:postgresql://db.example.com/shop?ApplicationName=fuzz", "app", PASSWORD),
					new Seed("r2dbc:postgresql://" + userInfo + "db.example.com:5432/shop?sslMode=require"
							+ "&connectTimeout=PT10S", null, null),
					new Seed("r2dbc:pool:postgresql://" + userInfo + "db.example.com/shop", null, null),
					new Seed("r2dbc:postgresql:failover://" + userInfo + "db1.example.com,db2.example.com:5433/shop"
							+ "?targetServerType=primary", null, null),
					new Seed("r2dbc:postgresql://app@db.example.com/shop?password=" + ENCODED, null, null),
					new Seed("postgres://app@db.example.com/shop", null, PASSWORD),
					new Seed("r2dbc:postgresql://db.example.com/shop", "app", PASSWORD));
		}

	}

}
