package io.github.duality.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fixture's temporary directories.
 */
final class Directories {

	private Directories() {
	}

	static Path createTemporary() {
		try {
			return Files.createTempDirectory("duality-postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for the test PostgreSQL", ex);
		}
	}

	/** Best effort, for shutdown hooks: what cannot be deleted stays in the temp directory. */
	static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// nothing left to do at JVM exit
		}
	}

}
