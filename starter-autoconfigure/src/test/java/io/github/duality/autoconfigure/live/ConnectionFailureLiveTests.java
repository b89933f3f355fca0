package io.github.duality.autoconfigure.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.duality.autoconfigure.diagnostics.DerivedTargetConnectionException;
import io.github.duality.testsupport.ClientCertificate;
import io.github.duality.testsupport.ClientCertificate.KeyFormat;
import io.github.duality.testsupport.ClientCertificates;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every way the first connection fails against a real server ends in a failure analysis: what was tried (URL, user,
 * sslmode, path), the property and its real origin, the server's words and the fix; the targets line comes before
 * the first connection; no stack trace and no password in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConnectionFailureLiveTests {

	private static final TestPostgres postgres = TestPostgres.get();

	@Test
	void wrongPassword(CapturedOutput output) {
		String url = postgres.databaseUrl().replace(TestPostgres.percentEncode(postgres.password()), "not-the-password");
		assertExplained(output, startFailing(url), "refused the password (SQLSTATE 28P01)", "password authentication failed");
		assertThat(output.getAll()).contains("Tried:     jdbc:postgresql://" + target(postgres.database())
				+ " (user " + postgres.username() + ", sslmode verify-full");
	}

	/**
	 * The failure analysis shows what the migration DataSource's failure carries, which is what the startup line
	 * named: the target is described once, not derived again after the failure.
	 */
	@Test
	void theFailureCarriesTheTargetTheStartupLineNamed(CapturedOutput output) {
		String url = postgres.databaseUrl().replace(TestPostgres.percentEncode(postgres.password()), "not-the-password");
		Throwable failure = startFailing(url);
		assertThat(StartupFailureLiveTests.causes(failure))
			.hasAtLeastOneElementOfType(DerivedTargetConnectionException.class);
		Matcher tried = Pattern.compile("Tried: +(.+)").matcher(output.getAll());
		assertThat(tried.find()).isTrue();
		assertThat(output.getAll()).contains("migration path -> " + tried.group(1) + ", Liquibase enabled");
	}

	@Test
	void unknownRole(CapturedOutput output) {
		String url = postgres.databaseUrl().replace(TestPostgres.percentEncode(postgres.username()) + ":", "nobody_here:");
		assertExplained(output, startFailing(url), "says the same when the role does not exist", "nobody_here");
	}

	@Test
	void unknownDatabase(CapturedOutput output) {
		assertExplained(output, startFailing(postgres.databaseUrl("no_such_database")),
				"database does not exist", "no_such_database");
		assertThat(output.getAll()).contains("CREATE DATABASE");
	}

	@Test
	void roleAtItsConnectionLimit(CapturedOutput output) {
		postgres.executeAsSuperuser("CREATE ROLE live_role_limit LOGIN CONNECTION LIMIT 0 PASSWORD "
				+ quoted(postgres.password()));
		assertExplained(output, startFailing(urlAs("live_role_limit")),
				"as many sessions as its CONNECTION LIMIT allows (SQLSTATE 53300)",
				"too many connections for role \"live_role_limit\"");
		assertThat(output.getAll()).contains("ALTER ROLE name CONNECTION LIMIT").contains("spring.r2dbc.pool.max-size");
	}

	@Test
	void databaseThatDoesNotAcceptConnections(CapturedOutput output) {
		postgres.executeAsSuperuser("CREATE DATABASE live_closed ALLOW_CONNECTIONS false");
		assertExplained(output, startFailing(postgres.databaseUrl("live_closed")),
				"The database does not accept connections", "database \"live_closed\" is not currently accepting");
		assertThat(output.getAll()).contains("ALTER DATABASE name ALLOW_CONNECTIONS true");
	}

	@Test
	void pgHbaRejectLine(CapturedOutput output) {
		assertExplained(output, startFailing(urlAs(postgres.roleRejectedByHba())),
				"A reject line in the server's pg_hba.conf refuses this user", "pg_hba.conf rejects connection");
		assertThat(output.getAll()).contains("Ask the DBA which pg_hba.conf line rejects it");
	}

	@Test
	void clientCertificateFromACaTheServerDoesNotTrust(CapturedOutput output, @TempDir Path directory) {
		ClientCertificate foreign = ClientCertificates.issueByForeignCa(ClientCertificates.ROLE, directory);
		String url = "postgresql://" + ClientCertificates.ROLE + "@" + target(postgres.database())
				+ "?sslmode=verify-full&sslrootcert=" + postgres.caCertificate() + "&sslcert="
				+ foreign.certificateFile() + "&sslkey=" + foreign.keyFile(KeyFormat.PEM_PKCS8);
		assertExplained(output, startFailing(url), "no CA that the server trusts for client certificates",
				"unknown_ca");
	}

	@Test
	void roleThatMayNotLogIn(CapturedOutput output) {
		postgres.executeAsSuperuser("CREATE ROLE live_nologin NOLOGIN PASSWORD " + quoted(postgres.password()));
		assertExplained(output, startFailing(urlAs("live_nologin")), "The role exists but may not log in",
				"role \"live_nologin\" is not permitted to log in");
		assertThat(output.getAll()).contains("ALTER ROLE name LOGIN");
	}

	@Test
	void unresolvableHost(CapturedOutput output) {
		String url = postgres.databaseUrl().replace("@" + postgres.host() + ":", "@db.duality.invalid:");
		assertExplained(output, startFailing(url), "The host name does not resolve", "db.duality.invalid");
		assertThat(output.getAll()).contains("Tried:     jdbc:postgresql://db.duality.invalid:")
			.contains("set duality.startup.wait");
	}

	@Test
	void unreachableHost(CapturedOutput output) throws IOException {
		String url = postgres.databaseUrl().replace(":" + postgres.port() + "/", ":" + closedPort() + "/");
		assertExplained(output, startFailing(url), "Nothing listens at that host and port", "refused");
		assertThat(output.getAll()).contains("set duality.startup.wait");
	}

	@Test
	void exhaustedStartupWait(CapturedOutput output) throws IOException {
		String url = postgres.databaseUrl().replace(":" + postgres.port() + "/", ":" + closedPort() + "/");
		assertExplained(output, startFailing(url, "--duality.startup.wait=2s"), "Nothing listens at that host and port",
				"It stayed so for all of duality.startup.wait (2s)");
		assertThat(output.getAll()).contains("Duality: migration path cannot reach").contains("raise duality.startup.wait");
	}

	@Test
	void certificateNotIssuedToTheHost(CapturedOutput output) {
		String url = postgres.databaseUrl().replace("@" + postgres.host() + ":", "@" + postgres.hostNotInCertificate() + ":");
		assertExplained(output, startFailing(url), "not issued to the host name", "could not be verified");
		assertThat(output.getAll()).contains("sslmode=verify-ca checks the CA but not the name");
	}

	@Test
	void serverWithoutTls(CapturedOutput output) {
		TestPostgres plain = TestPostgres.dedicated();
		try {
			plain.executeAsSuperuser("alter system set ssl = off");
			plain.restart();
			assertExplained(output, startFailing(plain.databaseUrl()), "does not offer TLS, and sslmode requires it",
					"does not support SSL");
			assertThat(output.getAll()).contains("Turn TLS on at the server");
		}
		finally {
			plain.destroy();
		}
	}

	@Test
	void valueFromAnEnvironmentVariableBehindAPlaceholder(CapturedOutput output, @TempDir Path config) throws IOException {
		Path yaml = Files.writeString(config.resolve("application.yaml"), "spring:\n  datasource:\n    url: ${DATABASE_URL}\n");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("DATABASE_URL", postgres.databaseUrl("no_such_database"))));
		Throwable failure = assertThatException().isThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class)
			.web(WebApplicationType.NONE).environment(environment)
			.run("--spring.config.location=file:" + yaml)).actual();
		assertExplained(output, failure, "database does not exist", "no_such_database");
		assertThat(output.getAll()).contains("Origin:    environment variable DATABASE_URL, through the placeholder at "
				+ "URL [file:" + yaml + "] - 3:10");
	}

	private static void assertExplained(CapturedOutput output, Throwable failure, String problem, String cause) {
		assertThat(failure).isNotNull();
		assertThat(output.getAll()).contains("Duality: the migration path (Liquibase) could not connect to PostgreSQL.")
			.contains(problem)
			.contains("Property:  spring.datasource.url")
			.contains(cause);
		FailureOutput.assertAnalysedAfterTheTargets(output.getAll());
	}

	private static String urlAs(String role) {
		return postgres.databaseUrl()
			.replace("//" + TestPostgres.percentEncode(postgres.username()) + ":", "//" + role + ":");
	}

	// standard_conforming_strings is on: only quotes need escaping
	private static String quoted(String literal) {
		return "'" + literal.replace("'", "''") + "'";
	}

	private static String target(String database) {
		return postgres.host() + ":" + postgres.port() + "/" + database;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static Throwable startFailing(String url, String... arguments) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url));
		args.addAll(List.of(arguments));
		return assertThatException().isThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class)
			.web(WebApplicationType.NONE).run(args.toArray(String[]::new))).actual();
	}

}
