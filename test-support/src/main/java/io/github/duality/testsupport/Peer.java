package io.github.duality.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A program that tests drive and that no Maven artifact carries. Where it is not installed, a test that needs it is
 * skipped, with a message that names the package to install, so that a JDK is enough for the rest of the build; with
 * the system property {@value #PROPERTY}{@code =required}, as {@code .ci/run} sets it, the test fails with that
 * message instead, so that CI never passes by not running it.
 */
public enum Peer {

	/** libpq's own client: the judge of the libpq differential tests, and PgBouncer's admin console. */
	PSQL("psql", "postgresql-client", "/usr/lib/postgresql/*/bin",
			(root) -> ServerBinaries.debianVersionsNewestFirst(root.resolve("usr/lib/postgresql"))),

	/** The HTTP load generator of the database-restart tests. */
	WRK("wrk", "wrk", null, (root) -> List.of()),

	/** The connection pooler of the pooler tests; Debian puts it in /usr/sbin, which a user's PATH may lack. */
	PGBOUNCER("pgbouncer", "pgbouncer", "/usr/sbin", (root) -> List.of(root.resolve("usr/sbin")));

	/** The system property that makes a missing peer fail the test instead of skipping it. */
	public static final String PROPERTY = "duality.test.peers";

	private static final String REQUIRED = "required";

	private final String command;

	private final String debianPackage;

	private final String beyondPath;

	private final Function<Path, List<Path>> directoriesBeyondPath;

	/**
	 * A peer and where to look for it.
	 * @param command the executable's name
	 * @param debianPackage the Debian and Ubuntu package that installs it
	 * @param beyondPath where it is looked for besides the PATH, for the message; {@code null} for nowhere
	 * @param directoriesBeyondPath those directories, under a root directory ({@code /} but in this class's tests)
	 */
	Peer(String command, String debianPackage, String beyondPath, Function<Path, List<Path>> directoriesBeyondPath) {
		this.command = command;
		this.debianPackage = debianPackage;
		this.beyondPath = beyondPath;
		this.directoriesBeyondPath = directoriesBeyondPath;
	}

	/**
	 * This program, for a test that drives it. The test declares the need with {@link RequiresPeer}, so that it is
	 * skipped before its set-up rather than here.
	 * @return the executable: the first on the PATH, else in the places Debian's package puts it
	 * @throws org.opentest4j.TestAbortedException (the test is skipped) if it is not installed
	 * @throws IllegalStateException if it is not installed and {@value #PROPERTY} is {@code required}
	 * @throws IllegalArgumentException if {@value #PROPERTY} has another value
	 */
	public Path executable() {
		return executable(System.getenv().getOrDefault("PATH", ""), Path.of("/"),
				required(System.getProperty(PROPERTY)));
	}

	/**
	 * The decision, on a given machine.
	 * @param searchPath a PATH value, directories separated as the platform does
	 * @param root the directory under which the places beyond the PATH are looked for
	 * @param required whether a missing program fails the test
	 * @return the executable
	 */
	Path executable(String searchPath, Path root, boolean required) {
		Optional<Path> found = find(searchPath, root);
		if (found.isPresent()) {
			return found.get();
		}
		String missing = "Needs " + this.command + ", not found on the PATH"
				+ ((this.beyondPath != null) ? " or in " + this.beyondPath : "") + ": install the package '"
				+ this.debianPackage + "' (Debian/Ubuntu: sudo apt-get install " + this.debianPackage + ")";
		if (required) {
			throw new IllegalStateException(missing + ". " + PROPERTY + "=" + REQUIRED
					+ " makes a missing peer fail the test instead of skipping it.");
		}
		return Assumptions.abort(missing);
	}

	private Optional<Path> find(String searchPath, Path root) {
		Stream<Path> onPath = Stream.of(searchPath.split(File.pathSeparator))
			.filter((directory) -> !directory.isEmpty())
			.map(Path::of);
		return Stream.concat(onPath, this.directoriesBeyondPath.apply(root).stream())
			.map((directory) -> directory.resolve(this.command))
			.filter(Peer::isTheProgramItself)
			.findFirst();
	}

	/**
	 * Whether a candidate is an executable file that is not Debian's {@code pg_wrapper}: the
	 * {@code /usr/bin/psql} of {@code postgresql-client-common} (which the {@code pgbouncer} package pulls in) fails
	 * unless a {@code postgresql-client-<version>} put the real psql in {@code /usr/lib/postgresql/<version>/bin},
	 * where {@link #PSQL} finds it anyway.
	 */
	private static boolean isTheProgramItself(Path candidate) {
		if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
			return false;
		}
		try {
			return !candidate.toRealPath().getFileName().toString().equals("pg_wrapper");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Reads {@value #PROPERTY}.
	 * @param value the property's value, {@code null} when unset
	 * @return whether a missing peer fails the test: {@code true} for {@code required}, {@code false} when unset or
	 * blank
	 * @throws IllegalArgumentException for any other value, so that a misspelt {@code required} does not skip
	 */
	static boolean required(String value) {
		if (value == null || value.isBlank()) {
			return false;
		}
		if (value.trim().equals(REQUIRED)) {
			return true;
		}
		throw new IllegalArgumentException(PROPERTY + "=" + value + ": the one value it takes is '" + REQUIRED
				+ "' (a test whose peer is missing fails); unset, such a test is skipped");
	}

}
