package io.github.duality.autoconfigure.operations;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One deployed instance of {@link OperationsTestApplication}: a JVM of its own on the test's classpath, so that it
 * can be killed with SIGKILL like a pod. Its output goes to a file under {@code target/operations}.
 */
final class AppInstance implements AutoCloseable {

	private static final Path LOGS = Path.of("target", "operations");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private Integer port;

	private AppInstance(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Start an instance.
	 * @param name names its log file
	 * @param environment environment variables, where secrets go (a command line is visible to every user)
	 * @param properties application properties, passed as {@code --name=value}
	 * @return the starting instance
	 */
	static AppInstance start(String name, Map<String, String> environment, Map<String, String> properties) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				OperationsTestApplication.class.getName(), "--server.port=0", "--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=health",
				"--management.endpoint.health.show-details=always"));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Files.createDirectories(LOGS);
			Path log = LOGS.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			return new AppInstance(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start instance " + name, ex);
		}
	}

	/** Waits until the instance reports UP on {@code /actuator/health}; fails if it exits first. */
	void awaitUp(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(this.process.isAlive()).as("%s exited with %s before it was UP:%n%s", this.name,
					exitValue(), output()).isTrue();
			if ("UP".equals(healthStatus().orElse(null))) {
				return;
			}
			pause(Duration.ofMillis(200));
		}
		throw new AssertionError(this.name + " was not UP within " + timeout + ":\n" + output());
	}

	/** Waits until the instance has printed {@code text}; fails if it exits first. */
	void awaitOutput(String text, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!output().contains(text)) {
			assertThat(System.nanoTime() < deadline).as("%s did not print '%s' within %s:%n%s", this.name, text,
					timeout, output()).isTrue();
			assertThat(this.process.isAlive()).as("%s exited before printing '%s':%n%s", this.name, text, output())
				.isTrue();
			pause(Duration.ofMillis(200));
		}
	}

	/** The overall health status, or empty while the instance does not answer. */
	Optional<String> healthStatus() {
		Optional<Integer> port = port();
		if (port.isEmpty()) {
			return Optional.empty();
		}
		try {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/actuator/health"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			int status = body.indexOf("\"status\":\"");
			return (status < 0) ? Optional.empty()
					: Optional.of(body.substring(status + 10, body.indexOf('"', status + 10)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** SIGKILL, like {@code kill -9} or a pod killed at its grace period's end. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("%s still alive after SIGKILL", this.name).isTrue();
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
			kill();
		}
	}

	private Optional<Integer> port() {
		if (this.port == null) {
			this.port = output().lines()
				.filter((line) -> line.startsWith(OperationsTestApplication.PORT_LINE))
				.map((line) -> Integer.valueOf(line.substring(OperationsTestApplication.PORT_LINE.length()).trim()))
				.findFirst()
				.orElse(null);
		}
		return Optional.ofNullable(this.port);
	}

	private String exitValue() {
		return this.process.isAlive() ? "(running)" : String.valueOf(this.process.exitValue());
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
