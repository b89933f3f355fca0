package io.github.duality.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar that {@code package} builds after Spring's AOT processing ({@code process-aot}, run with no database
 * URL), started with {@code -Dspring.aot.enabled=true} and {@code DATABASE_URL} given only now: it migrates, serves
 * and reports both paths in health, as the regular start does.
 */
class SampleApplicationAotIT {

	private static final Duration STARTUP = Duration.ofMinutes(2);

	@Test
	void theAotProcessedJarStartsWithTheUrlGivenAtRunTime() throws Exception {
		TestPostgres postgres = TestPostgres.get();
		postgres.createDatabase("sample_aot");
		int port = freePort();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Dspring.aot.enabled=true", "-jar",
				jar().toString(), "--server.port=" + port, "--spring.main.banner-mode=off")
			.redirectErrorStream(true);
		// a file, not a pipe: the whole log is there to read once the process has ended
		Path log = Files.createTempFile("sample-aot", ".log");
		log.toFile().deleteOnExit();
		builder.redirectOutput(log.toFile());
		builder.environment().put("DATABASE_URL", postgres.databaseUrl("sample_aot"));
		Process process = builder.start();
		try {
			JsonNode health = awaitHealth(port, process);
			JsonNode database = health.path("components").path("database").path("components");
			assertThat(database.path("migration").path("status").asString()).isEqualTo("UP");
			assertThat(database.path("migration").path("details").path("ssl").asBoolean()).isTrue();
			assertThat(database.path("migration").path("details").path("liquibase").path("applied").asInt())
				.isEqualTo(3);
			assertThat(database.path("application").path("status").asString()).isEqualTo("UP");
			assertThat(database.path("application").path("details").path("ssl").asBoolean()).isTrue();
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/products"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Lamp\",\"price\":12.34}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
			assertThat(created.body()).contains("\"price\":12.34");
		}
		finally {
			process.destroy();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
		}
		assertThat(Files.readString(log)).contains("Starting AOT-processed SampleApplication")
			.containsPattern("Duality: application path -> r2dbc:postgresql://.*/sample_aot .*; migration path -> "
					+ "jdbc:postgresql://.*/sample_aot .*Liquibase enabled")
			.doesNotContain(postgres.password())
			.doesNotContain(TestPostgres.percentEncode(postgres.password()));
	}

	@Test
	void aMigrationModeOtherThanTheBuildsIsRefusedAtRunTime() throws Exception {
		TestPostgres postgres = TestPostgres.get();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Dspring.aot.enabled=true", "-jar",
				jar().toString(), "--spring.main.banner-mode=off")
			.redirectErrorStream(true);
		Path log = Files.createTempFile("sample-aot-mode", ".log");
		log.toFile().deleteOnExit();
		builder.redirectOutput(log.toFile());
		builder.environment().put("DATABASE_URL", postgres.databaseUrl());
		builder.environment().put("DUALITY_MIGRATION_MODE", "migrate-and-exit");
		Process process = builder.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the refused start ends the process").isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(Files.readString(log)).contains("duality.migration.mode is migrate-and-exit at run time, but this "
				+ "application was AOT-processed (process-aot) with startup")
			.doesNotContain("Started SampleApplication");
	}

	private static JsonNode awaitHealth(int port, Process process) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.build();
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("the AOT-processed app is running").isTrue();
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return JsonMapper.shared().readTree(response.body());
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("No healthy answer on port " + port + " within " + STARTUP);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((path) -> path.getFileName().toString().matches("duality-sample-app-.*\\.jar"))
				.filter((path) -> !path.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No target/duality-sample-app-*.jar: run package first"));
		}
	}

}
