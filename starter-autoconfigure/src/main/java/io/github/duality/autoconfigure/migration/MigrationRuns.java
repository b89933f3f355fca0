package io.github.duality.autoconfigure.migration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The startup {@link MigrationRun} of each migration tool, by tool name ({@code liquibase}, {@code flyway}).
 */
public final class MigrationRuns {

	private final Map<String, MigrationRun> runs = new ConcurrentHashMap<>();

	private final List<Consumer<MigrationRun>> finishListeners = new CopyOnWriteArrayList<>();

	/** Records that the tool starts migrating now; a second start (a second bean of the tool) adds to the first. */
	public MigrationRun start(String tool) {
		MigrationRun run = this.runs.computeIfAbsent(tool, (name) -> new MigrationRun(name, this::finished));
		run.start();
		return run;
	}

	/**
	 * Tells the listener about each run that succeeds or fails, as it finishes: a failing one before the
	 * application context fails with it.
	 */
	public void onFinish(Consumer<MigrationRun> listener) {
		this.finishListeners.add(listener);
	}

	public Optional<MigrationRun> get(String tool) {
		return Optional.ofNullable(this.runs.get(tool));
	}

	/** Whether at least one tool migrated at startup, and every one that did has succeeded. */
	public boolean allSucceeded() {
		return !this.runs.isEmpty() && this.runs.values().stream().allMatch(MigrationRun::isSucceeded);
	}

	private void finished(MigrationRun run) {
		this.finishListeners.forEach((listener) -> listener.accept(run));
	}

	/** One line for the log, e.g. {@code liquibase: applied 3 (last seed-item)}. */
	String summary() {
		return this.runs.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ": " + entry.getValue().details())
			.collect(Collectors.joining(", "));
	}

}
