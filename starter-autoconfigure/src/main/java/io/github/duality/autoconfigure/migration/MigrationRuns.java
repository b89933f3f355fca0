package io.github.duality.autoconfigure.migration;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The startup {@link MigrationRun} of each migration tool, by tool name ({@code liquibase}, {@code flyway}).
 */
public final class MigrationRuns {

	private final Map<String, MigrationRun> runs = new ConcurrentHashMap<>();

	/** Records that the tool starts migrating now; a second start (a second bean of the tool) adds to the first. */
	public MigrationRun start(String tool) {
		MigrationRun run = this.runs.computeIfAbsent(tool, (name) -> new MigrationRun());
		run.start();
		return run;
	}

	public Optional<MigrationRun> get(String tool) {
		return Optional.ofNullable(this.runs.get(tool));
	}

	/** One line for the log, e.g. {@code liquibase: applied 3 (last seed-item)}. */
	String summary() {
		return this.runs.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ": " + entry.getValue().details())
			.collect(Collectors.joining(", "));
	}

}
