package io.github.duality.bench;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.duality.bench.BenchDatabase.Target;

/**
 * One run of one wiring of the sample app, on loopback, with its log in a file. Every wiring gets the same JVM
 * options; only the database settings in its environment differ.
 */
final class AppProcess implements AutoCloseable {

	static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

	private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

	// an interrupted run (Ctrl-C, bench/run's time limit) must not leave an app behind
	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "stop-apps"));
	}

	private final Process process;

	private final long startedAt;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private AppProcess(Process process, long startedAt, int port, Path log) {
		this.process = process;
		this.startedAt = startedAt;
		this.port = port;
		this.log = log;
	}

	/**
	 * @param arguments more Spring Boot command-line properties, the same for every wiring
	 */
	static AppProcess start(Wiring wiring, Path jar, Target database, Path log, List<String> arguments)
			throws IOException {
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(command(jar, port, arguments)).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		environment(builder.environment(), wiring, database);
		long startedAt = System.nanoTime();
		Process process = builder.start();
		RUNNING.add(process);
		return new AppProcess(process, startedAt, port, log);
	}

	private static List<String> command(Path jar, int port, List<String> arguments) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(JVM_OPTIONS);
		command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port));
		command.addAll(arguments);
		return command;
	}

	// credentials travel in the environment, never on a command line that ps shows
	private static void environment(Map<String, String> environment, Wiring wiring, Target database) {
		environment.remove("DATABASE_URL");
		if (wiring == Wiring.STARTER) {
			environment.put("DATABASE_URL", database.databaseUrl());
			return;
		}
		HandWrittenUrls urls = database.handWritten();
		environment.put("BENCH_JDBC_URL", urls.jdbcUrl());
		environment.put("BENCH_R2DBC_URL", urls.r2dbcUrl());
		environment.put("BENCH_DATABASE_USERNAME", urls.username());
		environment.put("BENCH_DATABASE_PASSWORD", urls.password());
	}

	/** Waits until {@code /actuator/health} answers 200 (UP) and returns the time since the process started. */
	Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
		long deadline = this.startedAt + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The app exited with status " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				if (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
						&& listensOnItsPort()) {
					return Duration.ofNanos(System.nanoTime() - this.startedAt);
				}
			}
			catch (IOException notListeningYet) {
				// the port opens late in startup
			}
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		throw new IllegalStateException("The app was not healthy within " + timeout + "; see " + this.log);
	}

	/**
	 * Whether this app's own log says its server took the port: on a shared machine, another process can take the
	 * free port picked for this app for a while, and answer first.
	 */
	private boolean listensOnItsPort() throws IOException {
		return Files.readString(this.log).contains("started on port " + this.port);
	}

	/** The app's log so far, line by line. */
	List<String> logLines() throws IOException {
		return Files.readAllLines(this.log);
	}

	Path log() {
		return this.log;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	HttpClient http() {
		return this.http;
	}

	/** Resident set size, in MiB. */
	double residentMegabytes() throws IOException {
		Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(this.process.pid()), "status")));
		if (!rss.find()) {
			throw new IllegalStateException("No VmRSS for process " + this.process.pid());
		}
		return Long.parseLong(rss.group(1)) / 1024.0;
	}

	/** Java heap in use as the JVM reports it ({@code jcmd GC.heap_info}), in MiB; garbage not yet collected counts. */
	double heapUsedMegabytes() throws IOException, InterruptedException {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Process info = new ProcessBuilder(jcmd, String.valueOf(this.process.pid()), "GC.heap_info").redirectErrorStream(true)
			.start();
		String output = new String(info.getInputStream().readAllBytes());
		if (!info.waitFor(30, TimeUnit.SECONDS)) {
			info.destroyForcibly();
		}
		Matcher used = HEAP_USED.matcher(output);
		if (!used.find()) {
			throw new IllegalStateException("jcmd GC.heap_info gave no heap figure: " + output.strip());
		}
		return Long.parseLong(used.group(1)) / 1024.0;
	}

	/** Stops the app as an orchestrator does (SIGTERM, graceful shutdown), forcibly after 30 s. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		RUNNING.remove(this.process);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
