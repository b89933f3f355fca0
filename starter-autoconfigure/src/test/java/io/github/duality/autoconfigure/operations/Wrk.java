package io.github.duality.autoconfigure.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.duality.testsupport.Peer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wrk} ({@link Peer#WRK}) loading one URL on the loopback interface, bounded in time, stopped early with
 * SIGINT, on which wrk prints its summary.
 */
final class Wrk {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private final Process process;

	private Wrk(Process process) {
		this.process = process;
	}

	/**
	 * Starts the load.
	 * @param executable wrk, from {@link Peer#WRK}
	 * @param url the URL to load
	 * @param longest when wrk stops by itself
	 * @return the running load
	 */
	static Wrk start(Path executable, String url, Duration longest) {
		assertThat(url).as("load only on the loopback interface").startsWith("http://127.0.0.1:");
		try {
			return new Wrk(new ProcessBuilder(executable.toString(), "-t1", "-c4", "--timeout", "10s", "-d",
					longest.toSeconds() + "s", url).redirectErrorStream(true).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + executable, ex);
		}
	}

	/** Stops the load now. */
	Result stop() throws InterruptedException, IOException {
		new ProcessBuilder("kill", "-INT", Long.toString(this.process.pid())).start().waitFor(10, TimeUnit.SECONDS);
		return await();
	}

	/** Waits for the load to end by itself. */
	Result await() throws InterruptedException, IOException {
		String output = new String(this.process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("wrk ended").isTrue();
		Matcher requests = REQUESTS.matcher(output);
		assertThat(requests.find()).as("wrk summary:%n%s", output).isTrue();
		long errors = 0;
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		Matcher socketErrors = SOCKET_ERRORS.matcher(output);
		if (socketErrors.find()) {
			for (int group = 1; group <= 4; group++) {
				errors += Long.parseLong(socketErrors.group(group));
			}
		}
		return new Result(Long.parseLong(requests.group(1)), errors, output);
	}

	/**
	 * What wrk counted.
	 *
	 * @param requests completed requests
	 * @param errors responses other than 2xx/3xx, plus connect, read, write errors and timeouts
	 * @param output wrk's summary
	 */
	record Result(long requests, long errors, String output) {

	}

}
