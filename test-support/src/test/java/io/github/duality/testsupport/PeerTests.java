package io.github.duality.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where each peer is found, on a machine made of temporary directories: a PATH and a root for the places beyond it;
 * and what a test that needs a missing one gets, skipped or, when required, failed.
 */
class PeerTests {

	@TempDir
	Path root;

	@Test
	void theFirstExecutableOnThePathIsTheOne() throws IOException {
		Path first = this.root.resolve("first");
		Path second = this.root.resolve("second");
		Files.createDirectories(first.resolve("wrk"));
		file(first.resolve("pgbouncer"), "rw-r--r--");
		Path wrk = file(second.resolve("wrk"), "rwxr-xr-x");
		Path pgbouncer = file(second.resolve("pgbouncer"), "rwxr-xr-x");
		String path = first + File.pathSeparator + File.pathSeparator + second;
		assertThat(Peer.WRK.executable(path, this.root, false)).as("past a directory of that name").isEqualTo(wrk);
		assertThat(Peer.PGBOUNCER.executable(path, this.root, false)).as("past a file that is not executable")
			.isEqualTo(pgbouncer);
	}

	@Test
	void psqlBeyondThePathIsTheNewestDebianVersionThatHasOne() throws IOException {
		file(this.root.resolve("usr/lib/postgresql/9.6/bin/psql"), "rwxr-xr-x");
		Path fifteen = file(this.root.resolve("usr/lib/postgresql/15/bin/psql"), "rwxr-xr-x");
		file(this.root.resolve("usr/lib/postgresql/17/bin/postgres"), "rwxr-xr-x");
		assertThat(Peer.PSQL.executable("", this.root, false)).isEqualTo(fifteen);
	}

	@Test
	void debiansPgWrapperOnThePathIsNotPsqlButThePsqlItWouldRunIs() throws IOException {
		Path wrapper = file(this.root.resolve("usr/share/postgresql-common/pg_wrapper"), "rwxr-xr-x");
		Path bin = Files.createDirectories(this.root.resolve("usr/bin"));
		Files.createSymbolicLink(bin.resolve("psql"), wrapper);
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> Peer.PSQL.executable(bin.toString(), this.root, false));
		Path psql = file(this.root.resolve("usr/lib/postgresql/15/bin/psql"), "rwxr-xr-x");
		assertThat(Peer.PSQL.executable(bin.toString(), this.root, false)).isEqualTo(psql);
	}

	@Test
	void pgbouncerBeyondThePathIsDebiansInUsrSbin() throws IOException {
		Path pgbouncer = file(this.root.resolve("usr/sbin/pgbouncer"), "rwxr-xr-x");
		assertThat(Peer.PGBOUNCER.executable(this.root.resolve("usr/bin").toString(), this.root, false))
			.isEqualTo(pgbouncer);
	}

	@Test
	void aMissingPeerSkipsTheTestNamingThePackageToInstall() {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> Peer.PSQL.executable(this.root.toString(), this.root, false))
			.withMessage("Needs psql, not found on the PATH or in /usr/lib/postgresql/*/bin: install the package "
					+ "'postgresql-client' (Debian/Ubuntu: sudo apt-get install postgresql-client)");
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> Peer.WRK.executable(this.root.toString(), this.root, false))
			.withMessage("Needs wrk, not found on the PATH: install the package 'wrk' (Debian/Ubuntu: sudo apt-get "
					+ "install wrk)");
	}

	@Test
	void aMissingPeerThatIsRequiredFailsTheTestWithTheSameMessage() {
		assertThatIllegalStateException().isThrownBy(() -> Peer.PGBOUNCER.executable("", this.root, true))
			.withMessage("Needs pgbouncer, not found on the PATH or in /usr/sbin: install the package 'pgbouncer' "
					+ "(Debian/Ubuntu: sudo apt-get install pgbouncer). duality.test.peers=required makes a missing "
					+ "peer fail the test instead of skipping it.");
	}

	@Test
	void onlyRequiredMakesAMissingPeerFailAndAnyOtherValueIsRefused() {
		assertThat(Peer.required(null)).isFalse();
		assertThat(Peer.required(" ")).isFalse();
		assertThat(Peer.required("required")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> Peer.required("require"))
			.withMessage("duality.test.peers=require: the one value it takes is 'required' (a test whose peer is "
					+ "missing fails); unset, such a test is skipped");
	}

	private static Path file(Path path, String permissions) throws IOException {
		Files.createDirectories(path.getParent());
		return Files.createFile(path,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
	}

}
