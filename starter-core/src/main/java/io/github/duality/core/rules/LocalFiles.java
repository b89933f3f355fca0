package io.github.duality.core.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.duality.core.tls.KeyFiles;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * The files the TLS rules depend on (the drivers' {@code ~/.postgresql/} defaults, the certificates and keys a URL
 * names), kept apart from the rules: read where the application runs, or only described where it does not.
 */
public interface LocalFiles {

	/** pgjdbc's default trust anchors, {@code ~/.postgresql/root.crt}. */
	Path defaultRootCertificate();

	/** Whether the default trust anchors may be relied on: they exist, or they are not looked for here. */
	boolean hasDefaultRootCertificate();

	/** What a note on a default file adds about where that file must be; empty when it was read here. */
	String whereDefaultsCount();

	/** Refuses a file that is not a PEM certificate, or notes what it must be. */
	void checkCertificates(String path, String parameter, List<String> notes);

	/**
	 * Reads a client key and its certificate chain for both paths, refusing what cannot be used; or notes what they
	 * must be (empty).
	 * @param certificate the certificate file, or {@code null} when the key file is a PKCS#12 store
	 */
	Optional<TlsMaterial> readClientKey(@Nullable String certificate, String key, @Nullable String password,
			KeyFiles.Names names, List<String> notes);

	/**
	 * Reads the default client certificate and key that both drivers offer when the URL names none
	 * ({@code ~/.postgresql/postgresql.crt} and {@code postgresql.pk8}), when both exist; or notes what they must be.
	 */
	Optional<TlsMaterial> readDefaultClientKey(List<String> notes);

}
