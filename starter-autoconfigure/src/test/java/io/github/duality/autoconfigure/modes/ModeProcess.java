package io.github.duality.autoconfigure.modes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationModeTestApplication} in a JVM of its own on the test's classpath, as a Job or a pod runs it;
 * its output goes to {@code target/modes/<name>.log}.
 */
final class ModeProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private ModeProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** Starts the application; secrets go in the environment, not on the command line. */
	static ModeProcess start(String name, Map<String, String> environment, Map<String, String> properties) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				MigrationModeTestApplication.class.getName(), "--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=health",
				"--management.endpoint.health.show-details=always"));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Path logs = Files.createDirectories(Path.of("target", "modes"));
			Path log = logs.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			return new ModeProcess(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The exit status, waiting for it at most {@code timeout}. */
	int awaitExit(Duration timeout) throws InterruptedException {
		assertThat(this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
			.as("%s still running after %s:%n%s", this.name, timeout, output())
			.isTrue();
		return this.process.exitValue();
	}

	/** The HTTP port it printed, waiting for it; fails if it exits first. */
	int awaitPort(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			String line = output().lines()
				.filter((candidate) -> candidate.startsWith(MigrationModeTestApplication.PORT_LINE))
				.findFirst()
				.orElse(null);
			if (line != null) {
				return Integer.parseInt(line.substring(MigrationModeTestApplication.PORT_LINE.length()).trim());
			}
			assertThat(this.process.isAlive()).as("%s exited before serving:%n%s", this.name, output()).isTrue();
			assertThat(System.nanoTime() < deadline).as("%s not serving within %s:%n%s", this.name, timeout,
					output()).isTrue();
			pause(Duration.ofMillis(200));
		}
	}

	/** GET on the local port: the status code and body. */
	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	String output() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
