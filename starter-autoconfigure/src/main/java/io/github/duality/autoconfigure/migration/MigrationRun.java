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

	private @Nullable Outcome outcome;

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
		finish((this.applied > 0) ? Outcome.APPLIED : Outcome.UP_TO_DATE);
	}

	/** The tool stopped at a change set or migration that failed. */
	public synchronized void failed() {
		finish(Outcome.FAILED);
	}

	/** The tool did not migrate, as {@code duality.migration.mode=external} asks. */
	public synchronized void skippedAsExternal() {
		this.outcome = Outcome.EXTERNAL;
	}

	/** The run as health details: {@code outcome}, {@code duration}, {@code applied}, {@code last}. */
	public synchronized Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("outcome", (this.outcome != null) ? this.outcome.detail : "running");
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
		return this.outcome == Outcome.FAILED;
	}

	/** Whether the tool ran and finished without an error. */
	public synchronized boolean isSucceeded() {
		return this.outcome == Outcome.APPLIED || this.outcome == Outcome.UP_TO_DATE;
	}

	public synchronized long appliedCount() {
		return this.applied;
	}

	public synchronized Duration duration() {
		return (this.duration != null) ? this.duration : Duration.ZERO;
	}

	private void finish(Outcome outcome) {
		this.outcome = outcome;
		if (this.startedAt != null) {
			this.duration = Duration.ofNanos(System.nanoTime() - this.startedAt);
		}
		this.finished.accept(this);
	}

	private enum Outcome {

		APPLIED("applied"), UP_TO_DATE("up to date"), FAILED("failed"),
		EXTERNAL("not run (duality.migration.mode=external)");

		/** The health detail's words. */
		private final String detail;

		Outcome(String detail) {
			this.detail = detail;
		}

	}

}
