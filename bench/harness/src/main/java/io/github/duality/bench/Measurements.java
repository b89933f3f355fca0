package io.github.duality.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.duality.bench.BenchDatabase.Session;

/**
 * Everything a run measured: per figure and wiring the samples in run order, the harness's own probes, and the last
 * server sessions seen for each wiring.
 */
final class Measurements {

	private final Map<String, Map<Wiring, Samples>> figures = new LinkedHashMap<>();

	private final Map<String, Samples> probes = new LinkedHashMap<>();

	private final Map<String, Map<Wiring, Map<String, Integer>>> sessionsByName = new LinkedHashMap<>();

	void add(String figure, Wiring wiring, double value) {
		samples(figure, wiring).add(value);
	}

	Samples samples(String figure, Wiring wiring) {
		return this.figures.computeIfAbsent(figure, (key) -> new EnumMap<>(Wiring.class))
			.computeIfAbsent(wiring, (key) -> new Samples());
	}

	void addProbe(String probe, double value) {
		probe(probe).add(value);
	}

	Samples probe(String probe) {
		return this.probes.computeIfAbsent(probe, (key) -> new Samples());
	}

	/** Counts the app's sessions as JDBC, R2DBC and in all, and keeps them by application name and backend type. */
	void addSessions(String phase, Wiring wiring, List<Session> sessions) {
		add(phase + ".jdbc", wiring, sessions.stream().filter(Session::isJdbc).count());
		add(phase + ".r2dbc", wiring, sessions.stream().filter(Session::isR2dbc).count());
		add(phase + ".sessions", wiring, sessions.size());
		Map<String, Integer> byName = new TreeMap<>();
		sessions.forEach((session) -> byName.merge(session.applicationName() + " / " + session.backendType(), 1,
				Integer::sum));
		this.sessionsByName.computeIfAbsent(phase, (key) -> new EnumMap<>(Wiring.class)).put(wiring, byName);
	}

	Map<String, Integer> lastSessions(String phase, Wiring wiring) {
		return this.sessionsByName.getOrDefault(phase, Map.of()).getOrDefault(wiring, Map.of());
	}

}
