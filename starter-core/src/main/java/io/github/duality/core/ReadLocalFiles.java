package io.github.duality.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files as they are on this machine, where the application runs.
 */
final class ReadLocalFiles implements LocalFiles {

	private final Path directory;

	ReadLocalFiles(Path home) {
		this.directory = home.resolve(".postgresql");
	}

	@Override
	public Path defaultRootCertificate() {
		return this.directory.resolve("root.crt");
	}

	@Override
	public boolean hasDefaultRootCertificate() {
		return Files.isRegularFile(defaultRootCertificate());
	}

	@Override
	public String whereDefaultsCount() {
		return "";
	}

	@Override
	public void checkCertificates(String path, String parameter, List<String> notes) {
		TlsFiles.checkCertificates(path, parameter);
	}

	@Override
	public Optional<String> checkKey(String path, String parameter, List<String> notes) {
		return Optional.of(TlsFiles.checkKey(path, parameter));
	}

	/** r2dbc loads both when both exist, and fails on the DER key pgjdbc users often keep there. */
	@Override
	public void checkDefaultClientKey(List<String> notes) {
		Path key = this.directory.resolve("postgresql.pk8");
		if (!Files.isRegularFile(this.directory.resolve("postgresql.crt")) || !Files.isRegularFile(key)) {
			return;
		}
		try {
			TlsFiles.checkKey(key.toString(), "sslkey");
		}
		catch (InvalidConnectionUrlException ex) {
			throw new InvalidConnectionUrlException("r2dbc loads the default client key " + key + " for every TLS "
					+ "connection, and cannot read it: " + ex.getProblem(), "sslkey", ex.getFix());
		}
	}

}
