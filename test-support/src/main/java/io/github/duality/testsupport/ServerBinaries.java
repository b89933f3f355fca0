package io.github.duality.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the PostgreSQL server binaries ({@code initdb}, {@code pg_ctl}) installed on this machine.
 */
final class ServerBinaries {

	/** Where Debian and Ubuntu install each major version: {@code /usr/lib/postgresql/15/bin}. */
	private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

	private ServerBinaries() {
	}

	/**
	 * The directory holding the server binaries: {@code pg_config --bindir} when it has them (it may come from a
	 * client-only package), else the newest version under {@code /usr/lib/postgresql}.
	 * @return the binaries' directory, if any
	 */
	static Optional<Path> find() {
		return fromPgConfig().filter(ServerBinaries::hasServerBinaries).or(ServerBinaries::newestDebianVersion);
	}

	private static Optional<Path> fromPgConfig() {
		try {
			Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			boolean succeeded = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
			return (succeeded && !output.isEmpty()) ? Optional.of(Path.of(output)) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static Optional<Path> newestDebianVersion() {
		return debianVersionsNewestFirst(DEBIAN_VERSIONS).stream()
			.filter(ServerBinaries::hasServerBinaries)
			.findFirst();
	}

	/**
	 * The {@code bin} directories of the major versions installed the Debian way, newest first by version number
	 * (17 before 9.6).
	 * @param versions the directory that holds one per version, e.g. {@code /usr/lib/postgresql}
	 * @return e.g. {@code /usr/lib/postgresql/17/bin}, then {@code /usr/lib/postgresql/15/bin}; none when
	 * {@code versions} does not exist
	 */
	static List<Path> debianVersionsNewestFirst(Path versions) {
		if (!Files.isDirectory(versions)) {
			return List.of();
		}
		try (Stream<Path> listed = Files.list(versions)) {
			return listed.filter((version) -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
				.sorted(Comparator.comparing(ServerBinaries::versionNumbers, Arrays::compare).reversed())
				.map((version) -> version.resolve("bin"))
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static int[] versionNumbers(Path version) {
		return Arrays.stream(version.getFileName().toString().split("\\.")).mapToInt(Integer::parseInt).toArray();
	}

	private static boolean hasServerBinaries(Path directory) {
		return Files.isExecutable(directory.resolve("initdb")) && Files.isExecutable(directory.resolve("pg_ctl"));
	}

}
