package io.github.duality.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app as it is deployed, in its own JVM with {@code DATABASE_URL} set in its environment: a refused
 * password ends the start with the failure analysis, which traces the value back to that variable through the
 * {@code ${DATABASE_URL}} of {@code application.yaml}, and the process exits non-zero, without the password.
 */
class StartupFailureProcessTests {

	@Test
	void aRefusedPasswordFromDatabaseUrlIsTracedToTheVariable() throws IOException, InterruptedException {
		TestPostgres postgres = TestPostgres.get();
		String wrongPassword = "not-" + postgres.password();
		String url = postgres.databaseUrl()
			.replace(TestPostgres.percentEncode(postgres.password()), TestPostgres.percentEncode(wrongPassword));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				SampleApplication.class.getName(), "--server.port=0", "--spring.main.banner-mode=off")
			.redirectErrorStream(true);
		builder.environment().put("DATABASE_URL", url);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the failed start ends the process").isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Duality: the migration path (Liquibase) could not connect to PostgreSQL.")
			.contains("refused the password (SQLSTATE 28P01)")
			.contains("Origin:    environment variable DATABASE_URL, through the placeholder at class path resource "
					+ "[application.yaml] - 8:10")
			.doesNotContain(wrongPassword)
			.doesNotContain(postgres.password());
		assertThat(List.of(output.split("\n"))).noneMatch((line) -> line.startsWith("\tat "));
	}

}
