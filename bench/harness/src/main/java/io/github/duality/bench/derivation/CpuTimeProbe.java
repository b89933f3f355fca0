package io.github.duality.bench.derivation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.FileChecks;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.postgresql.Driver;

/**
 * The same four operations as {@link DerivationBenchmark}, timed by this thread's CPU time rather than the clock: on
 * a machine shared with other work, the clock counts the time the thread waited for a core, CPU time does not.
 * A cross-check of the JMH figures, not a replacement (no forks, no blackhole).
 */
public final class CpuTimeProbe {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private CpuTimeProbe() {
	}

	/**
	 * @param operations calls per operation after as many unmeasured ones
	 * @param forms the URL forms to read
	 * @return CPU microseconds per call, per method and form
	 */
	public static List<DerivationRun.Figure> run(int operations, List<UrlForm> forms) throws Exception {
		Path directory = Files.createTempDirectory("duality-bench-cpu");
		Path ca = RootCertificate.write(directory);
		List<DerivationRun.Figure> figures = new ArrayList<>();
		try {
			for (UrlForm form : forms) {
				UrlForm.Input input = form.input(ca);
				figures.add(time("derive", form, operations,
						() -> DatabaseUrl.derive(input.url(), input.username(), input.password())));
				figures.add(time("deriveWithoutFileChecks", form, operations,
						() -> DatabaseUrl.derive(input.url(), input.username(), input.password(), FileChecks.SKIP)));
				figures.add(time("pgjdbcParseUrl", form, operations, () -> Driver.parseURL(input.pgjdbcUrl(), null)));
				figures.add(time("r2dbcParse", form, operations, () -> ConnectionFactoryOptions.parse(input.r2dbcUrl())));
			}
		}
		finally {
			Files.deleteIfExists(ca);
			Files.deleteIfExists(directory);
		}
		return figures;
	}

	private static DerivationRun.Figure time(String method, UrlForm form, int operations, Supplier<Object> operation) {
		int kept = 0;
		for (int i = 0; i < operations; i++) {
			kept += (operation.get() != null) ? 1 : 0;
		}
		long start = THREADS.getCurrentThreadCpuTime();
		for (int i = 0; i < operations; i++) {
			kept += (operation.get() != null) ? 1 : 0;
		}
		double microseconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / operations;
		if (kept != 2 * operations) {
			throw new IllegalStateException(method + " returned null for " + form);
		}
		return new DerivationRun.Figure(method, form, microseconds, microseconds, microseconds, Double.NaN);
	}

}
