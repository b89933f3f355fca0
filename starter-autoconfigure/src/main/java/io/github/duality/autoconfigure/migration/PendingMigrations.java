package io.github.duality.autoconfigure.migration;

import java.util.List;
import java.util.concurrent.Callable;

import io.github.duality.autoconfigure.MigrationTool;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What a migration tool has not applied yet, asked of the tool itself (with its change log or locations, contexts
 * and history table): for {@code duality.migration.mode=external}, where another process migrates.
 */
public final class PendingMigrations {

	private final String tool;

	private final Callable<List<String>> pending;

	private PendingMigrations(String tool, Callable<List<String>> pending) {
		this.tool = tool;
		this.pending = pending;
	}

	/**
	 * @param tool the migration tool
	 * @param bean the application's bean of the tool, asked for when the pending migrations are
	 */
	public static <T> PendingMigrations of(MigrationTool<T> tool, ObjectProvider<T> bean) {
		return new PendingMigrations(tool.key(), () -> tool.pending(bean.getObject()));
	}

	/** The tool's name, the key of its health details ({@code liquibase}, {@code flyway}). */
	public String tool() {
		return this.tool;
	}

	/**
	 * The change sets or migrations not applied yet, in the order the tool would apply them.
	 * @throws Exception when the tool cannot read its history
	 */
	public List<String> pending() throws Exception {
		return this.pending.call();
	}

}
