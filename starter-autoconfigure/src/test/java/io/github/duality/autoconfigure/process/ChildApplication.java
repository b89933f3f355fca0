package io.github.duality.autoconfigure.process;

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

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test application in a JVM of its own on the test's class path, as a pod or a Job runs it, so that it can be
 * killed with SIGKILL, raced against others, or left to exit with its status. Its output goes to
 * {@code target/child-applications/<name>.log}; it finds its HTTP port from the line {@link #portPrinter()} prints.
 */
public final class ChildApplication implements AutoCloseable {

	/** Printed by {@link #portPrinter()}: an application that never served has not printed it. */
	public static final String PORT_LINE = "CHILD-APPLICATION-PORT=";

	private static final Path LOGS = Path.of("target", "child-applications");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private Integer port;

	private ChildApplication(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Start an application; {@code server.port} is 0 unless the properties set it.
	 * @param application its main class
	 * @param name names its log file
	 * @param environment environment variables, where secrets go (a command line is visible to every user)
	 * @param properties application properties, passed as {@code --name=value}
	 * @return the starting application
	 */
	public static ChildApplication start(Class<?> application, String name, Map<String, String> environment,
			Map<String, String> properties) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), application.getName(), "--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=health",
				"--management.endpoint.health.show-details=always"));
		if (!properties.containsKey("server.port")) {
			command.add("--server.port=0");
		}
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Path log = Files.createDirectories(LOGS).resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			return new ChildApplication(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	/** For the test application's own context: prints the line by which its HTTP port is found. */
	public static ApplicationListener<WebServerInitializedEvent> portPrinter() {
		return (event) -> System.out.println(PORT_LINE + event.getWebServer().getPort());
	}

	/** Waits until the application reports UP on {@code /actuator/health}; fails if it exits first. */
	public void awaitUp(Duration timeout) {
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

	/** Waits until the application has printed {@code text}; fails if it exits first. */
	public void awaitOutput(String text, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!output().contains(text)) {
			assertThat(System.nanoTime() < deadline).as("%s did not print '%s' within %s:%n%s", this.name, text,
					timeout, output()).isTrue();
			assertThat(this.process.isAlive()).as("%s exited before printing '%s':%n%s", this.name, text, output())
				.isTrue();
			pause(Duration.ofMillis(200));
		}
	}

	/** The HTTP port it printed, waiting for it; fails if it exits first. */
	public int awaitPort(Duration timeout) {
		awaitOutput(PORT_LINE, timeout);
		return port().orElseThrow();
	}

	/** The exit status, waiting for it at most {@code timeout}. */
	public int awaitExit(Duration timeout) throws InterruptedException {
		assertThat(this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
			.as("%s still running after %s:%n%s", this.name, timeout, output())
			.isTrue();
		return this.process.exitValue();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** The overall health status, or empty while the application does not answer. */
	public Optional<String> healthStatus() {
		Optional<Integer> port = port();
		if (port.isEmpty()) {
			return Optional.empty();
		}
		try {
			String body = get(port.get(), "/actuator/health").body();
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

	/** GET on a local port: the status code and body. */
	public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** SIGTERM, as Kubernetes stops a pod; returns at once. */
	public void terminate() {
		this.process.destroy();
	}

	/** POST on a local port: the status code and body. */
	public static HttpResponse<String> post(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** SIGKILL, like {@code kill -9} or a pod killed at its grace period's end. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("%s still alive after SIGKILL", this.name).isTrue();
	}

	public String output() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return this.name;
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
				.filter((line) -> line.startsWith(PORT_LINE))
				.map((line) -> Integer.valueOf(line.substring(PORT_LINE.length()).trim()))
				.findFirst()
				.orElse(null);
		}
		return Optional.ofNullable(this.port);
	}

	private String exitValue() {
		return this.process.isAlive() ? "(running)" : String.valueOf(this.process.exitValue());
	}

	public static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
