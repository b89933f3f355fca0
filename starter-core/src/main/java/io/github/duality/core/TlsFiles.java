package io.github.duality.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks certificate and key files when the URL is derived, so that neither path fails later at connect time: the
 * only formats both drivers read are PEM certificates and unencrypted PEM PKCS#8 keys.
 */
final class TlsFiles {

	private static final Pattern PEM_PRIVATE_KEY = Pattern
		.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

	/** Tried in turn to learn a PKCS#8 key's algorithm, which pgjdbc must be told (pemKeyAlgorithm). */
	private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "DSA", "RSASSA-PSS");

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

	/**
	 * Refuses any key but an unencrypted PEM PKCS#8 one, and returns its algorithm (RSA, EC, ...).
	 */
	static String checkKey(String path, String parameter) {
		checkKeyPath(path, parameter);
		String text = new String(read(path, parameter), StandardCharsets.ISO_8859_1);
		Matcher pem = PEM_PRIVATE_KEY.matcher(text);
		if (pem.find()) {
			byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
			return algorithm(der).orElseThrow(() -> new InvalidConnectionUrlException("The " + parameter + " file "
					+ path + " holds a PKCS#8 key of an algorithm Java cannot read.", parameter,
					"Use an RSA or EC key."));
		}
		String problem;
		String convert;
		if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
			problem = "an encrypted PEM key, which pgjdbc cannot read";
			convert = "openssl pkcs8 -topk8 -nocrypt -in " + path;
		}
		else if (text.contains("PRIVATE KEY-----")) {
			problem = "a PKCS#1 or SEC1 PEM key (BEGIN RSA/EC PRIVATE KEY), which pgjdbc cannot read";
			convert = "openssl pkcs8 -topk8 -nocrypt -in " + path;
		}
		else {
			problem = "a DER key (pgjdbc's .pk8 format), which r2dbc cannot read";
			convert = "openssl pkcs8 -topk8 -nocrypt -inform DER -in " + path;
		}
		throw new InvalidConnectionUrlException("The " + parameter + " file " + path + " holds " + problem + ".",
				parameter, "Provide an unencrypted PEM PKCS#8 key, the format both drivers read: " + convert + " -out "
						+ withExtension(path, ".pem") + " (keep it readable by its owner only).");
	}

	/**
	 * Refuses, without touching the file system, a key whose path alone shows that r2dbc cannot read it (a PKCS#12
	 * key store), or a value that is not a file path.
	 */
	static void checkKeyPath(String path, String parameter) {
		String lowerCasePath = path.toLowerCase(Locale.ROOT);
		if (lowerCasePath.endsWith(".p12") || lowerCasePath.endsWith(".pfx")) {
			throw new InvalidConnectionUrlException("The " + parameter + " file " + path + " is a PKCS#12 key store, "
					+ "which r2dbc cannot read.", parameter,
					"Provide a PEM PKCS#8 key and a PEM certificate: openssl pkcs12 -in " + path
							+ " -nocerts -nodes | openssl pkcs8 -topk8 -nocrypt -out key.pem, and openssl pkcs12 -in "
							+ path + " -clcerts -nokeys -out cert.pem");
		}
		checkPath(path, parameter);
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

	private static Optional<String> algorithm(byte[] pkcs8) {
		for (String algorithm : KEY_ALGORITHMS) {
			try {
				KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
				return Optional.of(algorithm);
			}
			catch (InvalidKeySpecException | NoSuchAlgorithmException ex) {
				// try the next algorithm
			}
		}
		return Optional.empty();
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
