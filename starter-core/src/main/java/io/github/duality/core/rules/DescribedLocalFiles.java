package io.github.duality.core.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.duality.core.FileChecks;
import io.github.duality.core.tls.KeyFiles;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * The files of a machine other than this one ({@link FileChecks#SKIP}): nothing is read; what the URL alone shows
 * about a file is still checked, and notes say what each file must be where the application runs.
 */
public final class DescribedLocalFiles implements LocalFiles {

	private final Path home;

	public DescribedLocalFiles(Path home) {
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
	public Optional<TlsMaterial> readClientKey(@Nullable String certificate, String key, @Nullable String password,
			KeyFiles.Names names, List<String> notes) {
		if (certificate != null) {
			TlsFiles.checkPath(certificate, names.certificate());
			notes.add(notRead(names.certificate(), certificate, "a certificate chain (PEM or DER)"));
		}
		TlsFiles.checkPath(key, names.key());
		notes.add(notRead(names.key(), key, "a key (PEM, DER PKCS#8 or PKCS#12) that " + names.certificate()
				+ " belongs to, readable by its owner only (0600)"));
		return Optional.empty();
	}

	@Override
	public Optional<TlsMaterial> readDefaultClientKey(List<String> notes) {
		notes.add("~/.postgresql/postgresql.crt and postgresql.pk8 not read (file checks skipped): if both exist "
				+ "where the application runs, both paths offer them, so they must be a certificate and its key");
		return Optional.empty();
	}

	private static String notRead(String parameter, String path, String content) {
		return parameter + "=" + path + " not read (file checks skipped): it must exist, as " + content
				+ ", where the application runs";
	}

}
