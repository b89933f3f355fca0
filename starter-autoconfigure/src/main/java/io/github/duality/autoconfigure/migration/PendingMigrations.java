package io.github.duality.autoconfigure.migration;

import java.util.List;

/**
 * What a migration tool has not applied yet, asked of the tool itself (with its change log or locations, contexts
 * and history table): for {@code duality.migration.mode=external}, where another process migrates.
 */
public interface PendingMigrations {

	/** The tool's name, the key of its health details ({@code liquibase}, {@code flyway}). */
	String tool();

	/**
	 * The change sets or migrations not applied yet, in the order the tool would apply them.
	 * @throws Exception when the tool cannot read its history
	 */
	List<String> pending() throws Exception;

}
