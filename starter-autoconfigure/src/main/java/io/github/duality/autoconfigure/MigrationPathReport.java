package io.github.duality.autoconfigure;

/**
 * One migration tool's part of the startup line: where it migrates, or what the user configured it with.
 */
@FunctionalInterface
public interface MigrationPathReport {

	String describe();

}
