package io.github.duality.core.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Parameter;
import io.github.duality.core.tls.KeyFileException;
import io.github.duality.core.tls.KeyFiles;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * The files as they are on this machine, where the application runs.
 */
public final class ReadLocalFiles implements LocalFiles {

	/** The default key is pgjdbc's (~/.postgresql/postgresql.pk8), named as pgjdbc names its parameters. */
	private static final KeyFiles.Names DEFAULT_KEY_NAMES = new KeyFiles.Names(
			Parameter.SSL_CERT.preferredName(ParameterFamily.PGJDBC),
			Parameter.SSL_KEY.preferredName(ParameterFamily.PGJDBC),
			Parameter.SSL_PASSWORD.preferredName(ParameterFamily.PGJDBC));

	private final Path directory;

	public ReadLocalFiles(Path home) {
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
	public Optional<TlsMaterial> readClientKey(@Nullable String certificate, String key, @Nullable String password,
			KeyFiles.Names names, List<String> notes) {
		Path certificateFile = (certificate != null) ? TlsFiles.checkPath(certificate, names.certificate()) : null;
		Path keyFile = TlsFiles.checkPath(key, names.key());
		try {
			TlsMaterial material = KeyFiles.read(names, certificateFile, keyFile, password);
			notes.add("the " + material.describe() + " is read once and handed to both drivers in memory");
			return Optional.of(material);
		}
		catch (KeyFileException ex) {
			throw new InvalidConnectionUrlException(ex.getProblem(), ex.getParameter(), ex.getFix());
		}
	}

	/** Both drivers offer them for every TLS connection when both exist, as libpq does with its own. */
	@Override
	public Optional<TlsMaterial> readDefaultClientKey(List<String> notes) {
		Path certificate = this.directory.resolve("postgresql.crt");
		Path key = this.directory.resolve("postgresql.pk8");
		if (!Files.isRegularFile(certificate) || !Files.isRegularFile(key)) {
			return Optional.empty();
		}
		try {
			TlsMaterial material = KeyFiles.read(DEFAULT_KEY_NAMES, certificate, key, null);
			notes.add("the default " + material.describe() + " is offered on both paths, as each driver would");
			return Optional.of(material);
		}
		catch (KeyFileException ex) {
			throw new InvalidConnectionUrlException("Both drivers offer the default client certificate " + certificate
					+ " with its key " + key + " for every TLS connection, and it cannot be used: " + ex.getProblem(),
					ex.getParameter(), ex.getFix());
		}
	}

}
