package io.github.duality.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of a machine other than this one ({@link FileChecks#SKIP}): nothing is read; what the URL alone shows
 * about a file is still checked, and notes say what each file must be where the application runs.
 */
final class DescribedLocalFiles implements LocalFiles {

	private final Path home;

	DescribedLocalFiles(Path home) {
		this.home = home;
	}

	@Override
	public Path defaultRootCertificate() {
		return this.home.resolve(".postgresql").resolve("root.crt");
	}

	@Override
	public boolean hasDefaultRootCertificate() {
		return true;
	}

	/** This machine's home is likely not the application's: say which file counts. */
	@Override
	public String whereDefaultsCount() {
		return "; at startup it is .postgresql/root.crt in the home directory of the user the application runs as";
	}

	@Override
	public void checkCertificates(String path, String parameter, List<String> notes) {
		TlsFiles.checkPath(path, parameter);
		notes.add(notRead(parameter, path, "a PEM certificate"));
	}

	@Override
	public Optional<String> checkKey(String path, String parameter, List<String> notes) {
		TlsFiles.checkKeyPath(path, parameter);
		notes.add(notRead(parameter, path, "an unencrypted PEM PKCS#8 key")
				+ "; its algorithm, which pgjdbc must be told (pemKeyAlgorithm), is determined at startup");
		return Optional.empty();
	}

	@Override
	public void checkDefaultClientKey(List<String> notes) {
		notes.add("~/.postgresql/postgresql.pk8 not read (file checks skipped): if it and postgresql.crt exist "
				+ "where the application runs, r2dbc loads them for every TLS connection, so it must be an "
				+ "unencrypted PEM PKCS#8 key");
	}

	private static String notRead(String parameter, String path, String content) {
		return parameter + "=" + path + " not read (file checks skipped): it must exist, as " + content
				+ ", where the application runs";
	}

}
