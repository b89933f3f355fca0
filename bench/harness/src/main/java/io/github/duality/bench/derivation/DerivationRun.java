package io.github.duality.bench.derivation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link DerivationBenchmark} through JMH's API, in forked JVMs, with the allocation profiler ({@code -prof gc}).
 */
public final class DerivationRun {

	private DerivationRun() {
	}

	/**
	 * @param iterations warm-up and measurement iterations per benchmark
	 * @param iterationTime the length of each iteration
	 * @param forms the URL forms to read
	 * @return one figure per benchmark method and URL form
	 */
	public static List<Figure> run(int iterations, TimeValue iterationTime, List<UrlForm> forms)
			throws RunnerException {
		Options options = new OptionsBuilder().include(DerivationBenchmark.class.getName() + "\\.")
			.param("form", forms.stream().map(UrlForm::name).toArray(String[]::new))
			.forks(1)
			.warmupIterations(iterations)
			.warmupTime(iterationTime)
			.measurementIterations(iterations)
			.measurementTime(iterationTime)
			.jvmArgsAppend("-Xmx512m")
			.addProfiler(GCProfiler.class)
			.verbosity(VerboseMode.SILENT)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		List<Figure> figures = new ArrayList<>();
		for (RunResult result : results) {
			String method = result.getParams().getBenchmark();
			figures.add(new Figure(method.substring(method.lastIndexOf('.') + 1),
					UrlForm.valueOf(result.getParams().getParam("form")), result.getPrimaryResult().getScore(),
					result.getPrimaryResult().getStatistics().getMin(), result.getPrimaryResult().getStatistics().getMax(),
					bytesPerOperation(result.getSecondaryResults())));
		}
		return figures;
	}

	private static double bytesPerOperation(Map<String, Result> secondary) {
		return secondary.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith("gc.alloc.rate.norm"))
			.mapToDouble((entry) -> entry.getValue().getScore())
			.findFirst()
			.orElse(Double.NaN);
	}

	/**
	 * One benchmark's result: mean µs/op over the measurement iterations, their min and max, allocated bytes per op.
	 */
	public record Figure(String method, UrlForm form, double microseconds, double minMicroseconds,
			double maxMicroseconds, double bytesPerOperation) {

	}

}
