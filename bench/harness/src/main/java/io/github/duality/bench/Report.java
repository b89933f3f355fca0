package io.github.duality.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.duality.bench.derivation.DerivationRun.Figure;
import io.github.duality.bench.derivation.UrlForm;

/**
 * The run as Markdown: a header that says where and when, one table per measurement with median and range (min–max)
 * over the runs, ratios to the baseline with their spread, and the targets with what this run can say about each:
 * reached, missed, or cannot tell.
 */
final class Report {

	private final Measurements m;

	private final List<Figure> derivation;

	private final List<Figure> derivationCpu;

	private final int migrationChangeSets;

	private final List<String[]> targets = new ArrayList<>();

	private final List<String> verdicts = new ArrayList<>();

	private final List<PairedRatio.Verdict> ratioVerdicts = new ArrayList<>();

	private final StringBuilder out = new StringBuilder();

	Report(Measurements measurements, List<Figure> derivation, List<Figure> derivationCpu, int migrationChangeSets) {
		this.m = measurements;
		this.migrationChangeSets = migrationChangeSets;
		this.derivation = derivation;
		this.derivationCpu = derivationCpu;
	}

	String render(Map<String, String> header) {
		this.out.append("# Duality benchmark results\n\n| | |\n|---|---|\n");
		header.forEach((key, value) -> line("| %s | %s |", key, value));
		line("\nFigures are medians, with the range (min–max) over the runs in brackets. Ratios are starter (or naive) "
				+ "/ baseline, taken run by run where runs pair up (startup, migration and load run the wirings back to "
				+ "back, in an order that turns each round) and then summarized as `median [95%% interval]`: the "
				+ "interval is the order-statistic confidence interval of the median ratio, which assumes nothing about "
				+ "the noise; the IQR is the middle half of the run-by-run ratios. A target is **reached** when the "
				+ "whole interval lies on its good side, **missed** when it lies wholly on the bad side, and *cannot "
				+ "tell* when the interval straddles the target: the machine was too noisy for this many pairs (or the "
				+ "ratio is too close to call). Fewer than 6 pairs give no 95%% interval at all, only their range.");
		startup();
		migration();
		load();
		sessions();
		derivationTable();
		health();
		memory();
		line("\n## Targets\n\n| target | this run | verdict |\n|---|---|---|");
		this.targets.forEach((row) -> line("| %s | %s | %s |", (Object[]) row));
		line("\nIn words: of %d ratio targets, %d reached, %d missed, %d cannot tell (the load average in the header "
				+ "says how busy the machine was):\n", this.ratioVerdicts.size(), count(PairedRatio.Verdict.REACHED),
				count(PairedRatio.Verdict.MISSED),
				count(PairedRatio.Verdict.TOO_NOISY) + count(PairedRatio.Verdict.TOO_FEW_PAIRS));
		this.verdicts.forEach((verdict) -> line("- %s", verdict));
		return this.out.toString();
	}

	private void startup() {
		section("1. Startup to healthy (ms)", "process start until `/actuator/health` answers UP, on the run's database "
				+ "with the sample app's change log already applied",
				"| wiring | runs | median (min–max) | ratio to baseline [95% interval] | IQR of the ratios |",
				"|---|---|---|---|---|");
		for (Wiring wiring : Wiring.values()) {
			pairedRow(wiring, "startup.ms", "%.0f");
		}
		ratioTarget("startup to healthy, starter / baseline ≤ 1.02", "startup.ms", 1.02, true);
	}

	private void migration() {
		section("2. Migration of " + this.migrationChangeSets + " change sets (ms)",
				"each run migrates a new, empty database with a generated change log of " + this.migrationChangeSets
						+ " change sets (per table: create, add columns, index, three inserts, foreign key, NOT NULL), "
						+ "given with `--spring.liquibase.change-log`; the starter with its lock service and change "
						+ "listener, the baseline with plain Spring Boot Liquibase. Timed twice: *Liquibase run*, from "
						+ "Liquibase's first log line (its connection is open) to its `Command execution complete`, in the "
						+ "app's own log, which leaves out the starter's wait for the database and its session check before "
						+ "Liquibase connects; and *start to healthy*, process start until `/actuator/health` answers UP, "
						+ "which has everything. Every run must leave all " + this.migrationChangeSets
						+ " rows in `databasechangelog`, or the bench fails",
				"| wiring | timed | runs | median (min–max) | ratio to baseline [95% interval] | IQR of the ratios |",
				"|---|---|---|---|---|---|");
		for (Wiring wiring : List.of(Wiring.STARTER, Wiring.BASELINE)) {
			for (String figure : List.of("migration.liquibase.ms", "migration.healthy.ms")) {
				Samples samples = s(figure, wiring);
				line("| %s | %s | %d | %s | %s | %s |", wiring.label(),
						figure.contains("liquibase") ? "Liquibase run" : "start to healthy", samples.size(),
						samples.summary("%.0f"), ratioCell(figure, wiring), iqrCell(figure, wiring));
			}
		}
		ratioTarget("migration, Liquibase run, starter / baseline ≤ 1.02", "migration.liquibase.ms", 1.02, true);
		ratioTarget("migration, start to healthy, starter / baseline ≤ 1.02", "migration.healthy.ms", 1.02, true);
	}

	private void load() {
		for (String endpoint : List.of("get", "post")) {
			String title = endpoint.equals("get") ? "GET /products/{id}" : "POST /products";
			section("3. Throughput and latency: " + title, "wrk, fixed connections and time per round after a warm-up; "
					+ "all wirings run at once and each round loads each in turn, so rounds pair up",
					"| wiring | rounds | req/s | ratio [95% interval] | p50 ms | p99 ms | p99 ratio [95% interval] "
							+ "| failed requests |",
					"|---|---|---|---|---|---|---|---|");
			for (Wiring wiring : Wiring.values()) {
				line("| %s | %d | %s | %s | %s | %s | %s | %.0f |", wiring.label(), s(endpoint + ".rps", wiring).size(),
						s(endpoint + ".rps", wiring).summary("%.0f"), ratioCell(endpoint + ".rps", wiring),
						s(endpoint + ".p50", wiring).summary("%.2f"), s(endpoint + ".p99", wiring).summary("%.2f"),
						ratioCell(endpoint + ".p99", wiring), s(endpoint + ".errors", wiring).total());
			}
			ratioTarget(title + " throughput, starter / baseline ≥ 0.99", endpoint + ".rps", 0.99, false);
			ratioTarget(title + " p99 latency no worse (starter / baseline ≤ 1)", endpoint + ".p99", 1.0, true);
		}
	}

	private long count(PairedRatio.Verdict verdict) {
		return this.ratioVerdicts.stream().filter(verdict::equals).count();
	}

	private void pairedRow(Wiring wiring, String figure, String format) {
		Samples samples = s(figure, wiring);
		line("| %s | %d | %s | %s | %s |", wiring.label(), samples.size(), samples.summary(format),
				ratioCell(figure, wiring), iqrCell(figure, wiring));
	}

	private String ratioCell(String figure, Wiring wiring) {
		return (wiring == Wiring.BASELINE) ? "1" : paired(figure, wiring).summary();
	}

	private String iqrCell(String figure, Wiring wiring) {
		PairedRatio ratio = paired(figure, wiring);
		return (wiring == Wiring.BASELINE || ratio.pairs() == 0) ? "–"
				: format("%.3f–%.3f", ratio.lowerQuartile(), ratio.upperQuartile());
	}

	private PairedRatio paired(String figure, Wiring wiring) {
		return s(figure, wiring).pairedRatioTo(s(figure, Wiring.BASELINE));
	}

	private void ratioTarget(String target, String figure, double bound, boolean atMost) {
		PairedRatio ratio = paired(figure, Wiring.STARTER);
		PairedRatio.Verdict verdict = ratio.judge(bound, atMost);
		this.targets.add(new String[] { target, ratio.summary(), verdict.text() });
		this.ratioVerdicts.add(verdict);
		String side = atMost ? "≤ " : "≥ ";
		String words = switch (verdict) {
			case REACHED -> "reached: even the interval's worse end is " + side + format("%.2f", bound);
			case MISSED -> "missed: even the interval's better end is beyond " + format("%.2f", bound);
			case TOO_NOISY -> "cannot tell: the interval straddles " + format("%.2f", bound)
					+ "; the machine was too noisy for this many pairs (or the ratio is too close to call)";
			case TOO_FEW_PAIRS -> "cannot tell: a 95% interval needs at least 6 pairs";
		};
		this.verdicts.add(format("%s: %.3f (%s); %s.", target, ratio.median(), ratio.spread(), words));
	}

	private void sessions() {
		section("4. Connections held on the server", "from `pg_stat_activity`, this database, the app's sessions only: "
				+ "after startup in the first startup rounds, after load those that ended when the app stopped",
				"| wiring | after | JDBC | R2DBC | total | by application_name / backend_type (last run) |",
				"|---|---|---|---|---|---|");
		for (Wiring wiring : Wiring.values()) {
			for (String phase : List.of("startup", "load")) {
				line("| %s | %s | %s | %s | %s | %s |", wiring.label(), phase, s(phase + ".jdbc", wiring).summary("%.0f"),
						s(phase + ".r2dbc", wiring).summary("%.0f"), s(phase + ".sessions", wiring).summary("%.0f"),
						this.m.lastSessions(phase, wiring)
							.entrySet()
							.stream()
							.map((entry) -> entry.getValue() + " × " + entry.getKey())
							.collect(Collectors.joining(", ")));
			}
		}
		Samples jdbc = s("startup.jdbc", Wiring.STARTER);
		boolean poolOnly = s("startup.sessions", Wiring.STARTER).max() == s("startup.r2dbc", Wiring.STARTER).max();
		target("starter: JDBC connections after startup = 0, total = the pool's own", format("max %.0f JDBC, %s",
				jdbc.max(), poolOnly ? "all others R2DBC" : "other sessions too"), jdbc.max() == 0 && poolOnly);
	}

	private void derivationTable() {
		section("5. Derivation cost (JMH, µs/op; B/op from -prof gc)",
				"`DatabaseUrl.derive` reads the URL, checks it, reads and parses the TLS files it names (as the app does "
						+ "at startup) and builds both targets; `derive` with `FileChecks.SKIP` is the same without the files; "
						+ "the drivers parse the same target in their own syntax and read no file. JMH times are wall-clock "
						+ "time: on a loaded machine they include the time the thread waited for a core",
				"| form | derive µs/op (min–max) | B/op | derive, files skipped µs/op | B/op "
						+ "| pgjdbc `Driver.parseURL` µs/op | B/op | r2dbc `ConnectionFactoryOptions.parse` µs/op | B/op "
						+ "| derive / (pgjdbc + r2dbc) | files skipped / (pgjdbc + r2dbc) |",
				"|---|---|---|---|---|---|---|---|---|---|---|");
		double worst = 0;
		double worstRatio = 0;
		double worstRatioWithoutFiles = 0;
		for (UrlForm form : UrlForm.values()) {
			Figure derive = figure("derive", form);
			Figure skipped = figure("deriveWithoutFileChecks", form);
			Figure pgjdbc = figure("pgjdbcParseUrl", form);
			Figure r2dbc = figure("r2dbcParse", form);
			if (derive == null || skipped == null || pgjdbc == null || r2dbc == null) {
				continue;
			}
			double drivers = pgjdbc.microseconds() + r2dbc.microseconds();
			worst = Math.max(worst, derive.microseconds());
			worstRatio = Math.max(worstRatio, derive.microseconds() / drivers);
			worstRatioWithoutFiles = Math.max(worstRatioWithoutFiles, skipped.microseconds() / drivers);
			line("| %s | %s | %.0f | %.2f | %.0f | %.2f | %.0f | %.2f | %.0f | %.1f | %.1f |",
					form.name().toLowerCase(Locale.ROOT),
					format("%.2f (%.2f–%.2f)", derive.microseconds(), derive.minMicroseconds(), derive.maxMicroseconds()),
					derive.bytesPerOperation(), skipped.microseconds(), skipped.bytesPerOperation(), pgjdbc.microseconds(),
					pgjdbc.bytesPerOperation(), r2dbc.microseconds(), r2dbc.bytesPerOperation(),
					derive.microseconds() / drivers, skipped.microseconds() / drivers);
		}
		cpuTable();
		target("derivation < 50 µs per URL", format("worst %.1f µs", worst), worst < 50);
		target("derivation within 3× of the drivers' own parsers (pgjdbc + r2dbc)",
				format("worst %.1f× (%.1f× with the file checks skipped)", worstRatio, worstRatioWithoutFiles),
				worstRatio <= 3);
	}

	private void cpuTable() {
		line("\nThe same operations timed by the calling thread's CPU time (no waiting for a core counted), in µs per "
				+ "call, in the harness JVM after as many unmeasured calls:\n");
		line("| form | derive | derive, files skipped | pgjdbc | r2dbc | derive / (pgjdbc + r2dbc) "
				+ "| files skipped / (pgjdbc + r2dbc) |");
		line("|---|---|---|---|---|---|---|");
		for (UrlForm form : UrlForm.values()) {
			Figure derive = figure(this.derivationCpu, "derive", form);
			Figure skipped = figure(this.derivationCpu, "deriveWithoutFileChecks", form);
			Figure pgjdbc = figure(this.derivationCpu, "pgjdbcParseUrl", form);
			Figure r2dbc = figure(this.derivationCpu, "r2dbcParse", form);
			if (derive == null || skipped == null || pgjdbc == null || r2dbc == null) {
				continue;
			}
			double drivers = pgjdbc.microseconds() + r2dbc.microseconds();
			line("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |", form.name().toLowerCase(Locale.ROOT),
					derive.microseconds(), skipped.microseconds(), pgjdbc.microseconds(), r2dbc.microseconds(),
					derive.microseconds() / drivers, skipped.microseconds() / drivers);
		}
	}

	private void health() {
		section("6. Health cost (ms per request, one at a time)",
				"`/actuator/health` of each wiring; beside it, from the harness, one new connection + `SELECT 1` + close "
						+ "with the hand-written URLs (same TLS), interleaved with the starter's health requests; after the "
						+ "load rounds, the other wirings idle",
				"| probe | samples | median (min–max) | ratio to raw pgjdbc connect |", "|---|---|---|---|");
		Samples rawJdbc = this.m.probe("raw.jdbc");
		for (Wiring wiring : Wiring.values()) {
			Samples health = s("health.ms", wiring);
			line("| `/actuator/health`, %s | %d | %s | %s |", wiring.label(), health.size(), health.summary("%.2f"),
					format("%.2f", health.median() / rawJdbc.median()));
		}
		Map<String, String> probes = new LinkedHashMap<>();
		probes.put("raw.jdbc", "raw pgjdbc connect + SELECT 1");
		probes.put("raw.jdbc3", "raw pgjdbc connect + the migration check's 3 queries");
		probes.put("raw.r2dbc", "raw r2dbc connect + SELECT 1");
		probes.forEach((probe, label) -> {
			Samples raw = this.m.probe(probe);
			line("| %s | %d | %s | %s |", label, raw.size(), raw.summary("%.2f"),
					format("%.2f", raw.median() / rawJdbc.median()));
		});
		double ratio = s("health.ms", Wiring.STARTER).median() / rawJdbc.median();
		target("health ≤ 1.5× one raw connect + SELECT 1 (pgjdbc)", format("%.2f×", ratio), ratio <= 1.5);
	}

	private void memory() {
		section("7. Memory (MiB)", "resident set size from /proc, heap in use from `jcmd GC.heap_info` (uncollected "
				+ "garbage included)", "| wiring | RSS after startup | heap after startup | RSS after load | heap after load |",
				"|---|---|---|---|---|");
		for (Wiring wiring : Wiring.values()) {
			line("| %s | %s | %s | %s | %s |", wiring.label(), s("startup.rss", wiring).summary("%.0f"),
					s("startup.heap", wiring).summary("%.0f"), s("load.rss", wiring).summary("%.0f"),
					s("load.heap", wiring).summary("%.0f"));
		}
	}

	private Figure figure(String method, UrlForm form) {
		return figure(this.derivation, method, form);
	}

	private static Figure figure(List<Figure> figures, String method, UrlForm form) {
		return figures.stream()
			.filter((figure) -> figure.method().equals(method) && figure.form() == form)
			.findFirst()
			.orElse(null);
	}

	private Samples s(String figure, Wiring wiring) {
		return this.m.samples(figure, wiring);
	}

	private void target(String target, String reached, boolean met) {
		this.targets.add(new String[] { target, reached, met ? "reached" : "**missed**" });
	}

	private void section(String title, String how, String header, String rule) {
		line("\n## %s\n\n%s.\n\n%s\n%s", title, how, header, rule);
	}

	private void line(String format, Object... args) {
		this.out.append(String.format(Locale.ROOT, format, args)).append('\n');
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
