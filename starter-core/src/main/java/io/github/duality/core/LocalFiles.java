package io.github.duality.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files the TLS rules depend on (the drivers' {@code ~/.postgresql/} defaults, the certificates and keys a URL
 * names), kept apart from the rules: read where the application runs, or only described where it does not.
 */
interface LocalFiles {

	/** pgjdbc's default trust anchors, {@code ~/.postgresql/root.crt}. */
	Path defaultRootCertificate();

	/** Whether the default trust anchors may be relied on: they exist, or they are not looked for here. */
	boolean hasDefaultRootCertificate();

	/** What a note on a default file adds about where that file must be; empty when it was read here. */
	String whereDefaultsCount();

	/** Refuses a file that is not a PEM certificate, or notes what it must be. */
	void checkCertificates(String path, String parameter, List<String> notes);

	/** Refuses a key both drivers cannot read and returns its algorithm, or notes what it must be (empty). */
	Optional<String> checkKey(String path, String parameter, List<String> notes);

	/**
	 * Refuses the default client key r2dbc would load for every TLS connection when it cannot read it, or notes what
	 * it must be.
	 */
	void checkDefaultClientKey(List<String> notes);

	static LocalFiles of(Path home, FileChecks fileChecks) {
		return (fileChecks == FileChecks.READ) ? new ReadLocalFiles(home) : new DescribedLocalFiles(home);
	}

}
