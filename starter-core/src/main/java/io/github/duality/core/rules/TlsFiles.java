package io.github.duality.core.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

import io.github.duality.core.model.InvalidConnectionUrlException;

/**
 * Checks the root certificate file when the URL is derived, so that neither path fails later at connect time: r2dbc
 * reads PEM certificates only. Client keys are read by {@link io.github.duality.core.tls.KeyFiles}.
 */
final class TlsFiles {

	private TlsFiles() {
	}

	/** Refuses anything but a readable file of PEM X.509 certificates. */
	static void checkCertificates(String path, String parameter) {
		byte[] content = read(path, parameter);
		String text = new String(content, StandardCharsets.ISO_8859_1);
		if (!text.contains("-----BEGIN CERTIFICATE-----")) {
			throw new InvalidConnectionUrlException("The " + parameter + " file " + path + " is not a PEM certificate "
					+ "(DER, perhaps): r2dbc reads PEM only.", parameter,
					"Convert it: openssl x509 -inform DER -in " + path + " -out " + withExtension(path, ".pem"));
		}
		try {
			if (CertificateFactory.getInstance("X.509").generateCertificates(new CertificateBytes(content))
				.isEmpty()) {
				throw new CertificateException("no certificate");
			}
		}
		catch (CertificateException ex) {
			throw new InvalidConnectionUrlException("The " + parameter + " file " + path + " holds no readable "
					+ "certificate.", parameter, "Give a PEM certificate file.");
		}
	}

	/** Refuses, without touching the file system, a value that is not a file path. */
	static Path checkPath(String path, String parameter) {
		try {
			return Path.of(path);
		}
		catch (InvalidPathException ex) {
			throw new InvalidConnectionUrlException("The " + parameter + " value is not a file path.", parameter,
					"Give the path of an existing file.");
		}
	}

	private static byte[] read(String path, String parameter) {
		Path file = checkPath(path, parameter);
		if (!Files.isRegularFile(file)) {
			throw new InvalidConnectionUrlException("The " + parameter + " file " + path + " does not exist (pgjdbc "
					+ "reads files only, not classpath resources).", parameter,
					"Give the path of an existing file, readable by the application.");
		}
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new InvalidConnectionUrlException("The " + parameter + " file " + path + " cannot be read: "
					+ ex.getMessage(), parameter, "Make it readable by the application.");
		}
	}

	private static String withExtension(String path, String extension) {
		int dot = path.lastIndexOf('.');
		int slash = path.lastIndexOf('/');
		String base = (dot > slash) ? path.substring(0, dot) : path;
		// never suggest overwriting the input
		return (base + extension).equals(path) ? base + "-converted" + extension : base + extension;
	}

}
