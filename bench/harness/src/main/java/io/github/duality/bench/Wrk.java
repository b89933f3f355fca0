package io.github.duality.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from {@code wrk} (the Debian package): a fixed number of connections for a fixed time, with its latency
 * distribution.
 */
final class Wrk {

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final String POST_PRODUCT = """
			wrk.method = "POST"
			wrk.body = '{"name":"bench product","price":12.34}'
			wrk.headers["Content-Type"] = "application/json"
			""";

	private final Path postScript;

	private final int connections;

	Wrk(Path workDirectory, int connections) throws IOException {
		this.postScript = Files.writeString(workDirectory.resolve("post-product.lua"), POST_PRODUCT);
		this.connections = connections;
	}

	Result get(URI uri, Duration duration) throws IOException, InterruptedException {
		return run(uri, duration, null);
	}

	Result postProduct(URI uri, Duration duration) throws IOException, InterruptedException {
		return run(uri, duration, this.postScript);
	}

	private Result run(URI uri, Duration duration, Path script) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + this.connections,
				"-d" + duration.toSeconds() + "s", "--timeout", "5s", "--latency"));
		if (script != null) {
			command.addAll(List.of("-s", script.toString()));
		}
		command.add(uri.toString());
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes());
		if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
			wrk.destroyForcibly();
			throw new IllegalStateException("wrk failed: " + output.strip());
		}
		return parse(output);
	}

	static Result parse(String output) {
		Matcher rate = REQUESTS_PER_SECOND.matcher(output);
		if (!rate.find()) {
			throw new IllegalStateException("No Requests/sec in wrk's output: " + output.strip());
		}
		double p50 = Double.NaN;
		double p99 = Double.NaN;
		Matcher percentile = PERCENTILE.matcher(output);
		while (percentile.find()) {
			double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
			if (percentile.group(1).equals("50")) {
				p50 = millis;
			}
			else {
				p99 = millis;
			}
		}
		return new Result(Double.parseDouble(rate.group(1)), p50, p99, errors(output));
	}

	private static long errors(String output) {
		long errors = 0;
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int group = 1; group <= 4; group++) {
				errors += Long.parseLong(socket.group(group));
			}
		}
		return errors;
	}

	private static double toMillis(double value, String unit) {
		return switch (unit) {
			case "us" -> value / 1000;
			case "ms" -> value;
			case "s" -> value * 1000;
			default -> value * 60_000;
		};
	}

	/** Throughput, latency percentiles in milliseconds, and the failed requests (non-2xx or socket errors). */
	record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {

	}

}
