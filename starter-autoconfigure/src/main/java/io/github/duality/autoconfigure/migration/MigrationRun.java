package io.github.duality.autoconfigure.migration;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What one migration tool did at startup, as its own callbacks saw it: the outcome, how long it took, how many
 * change sets (migrations) it applied and the last one. Thread-safe: written by the migrating thread, read by
 * health probes and, when it finishes, by the metrics.
 */
public final class MigrationRun {

	private final String tool;

	private final Consumer<MigrationRun> finished;

	private @Nullable Long startedAt;

	private @Nullable Duration duration;

	private @Nullable String outcome;

	private long applied;

	private @Nullable String last;

	MigrationRun(String tool, Consumer<MigrationRun> finished) {
		this.tool = tool;
		this.finished = finished;
	}

	synchronized void start() {
		this.startedAt = System.nanoTime();
	}

	/** One change set or migration has been applied. */
	public synchronized void applied(String name) {
		this.applied++;
		this.last = name;
	}

	/** The tool has finished without an error. */
	public synchronized void succeeded() {
		finish((this.applied > 0) ? "applied" : "up to date");
	}

	/** The tool stopped at a change set or migration that failed. */
	public synchronized void failed() {
		finish("failed");
	}

	/** The tool did not migrate, as {@code duality.migration.mode=external} asks. */
	public synchronized void skippedAsExternal() {
		this.outcome = "not run (duality.migration.mode=external)";
	}

	/** The run as health details: {@code outcome}, {@code duration}, {@code applied}, {@code last}. */
	public synchronized Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("outcome", (this.outcome != null) ? this.outcome : "running");
		if (this.duration != null) {
			details.put("duration", this.duration.toMillis() + "ms");
		}
		details.put("applied", this.applied);
		if (this.last != null) {
			details.put("last", this.last);
		}
		return details;
	}

	public String tool() {
		return this.tool;
	}

	public synchronized boolean isFailed() {
		return "failed".equals(this.outcome);
	}

	/** Whether the tool ran and finished without an error. */
	public synchronized boolean isSucceeded() {
		return "applied".equals(this.outcome) || "up to date".equals(this.outcome);
	}

	public synchronized long appliedCount() {
		return this.applied;
	}

	public synchronized Duration duration() {
		return (this.duration != null) ? this.duration : Duration.ZERO;
	}

	private void finish(String outcome) {
		this.outcome = outcome;
		if (this.startedAt != null) {
			this.duration = Duration.ofNanos(System.nanoTime() - this.startedAt);
		}
		this.finished.accept(this);
	}

}
