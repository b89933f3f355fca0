package io.github.duality.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a client key and its certificate chain in every format libpq or either driver reads: PEM PKCS#8, PEM PKCS#1
 * (RSA) and SEC1 (EC), DER PKCS#8, encrypted PKCS#8 (PEM or DER) and PKCS#12, each opened with {@code sslpassword}
 * where it is encrypted. Nothing decrypted is ever written anywhere.
 */
public final class KeyFiles {

	/** A PEM block: its type, its headers (an encrypted legacy key's Proc-Type and DEK-Info), its base64 body. */
	private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n"
			+ "((?:[A-Za-z-]+:[^\\n]*\\n)*)\\r?\\n?([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	/** Tried in turn for a PKCS#8 key's algorithm, which its bytes name but Java's factories must be asked for. */
	private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

	private KeyFiles() {
	}

	/**
	 * Read a client key and its chain.
	 * @param names what the user calls the certificate, key and password parameters
	 * @param certificateFile the PEM or DER certificate chain, or {@code null} when the key file is a PKCS#12 store
	 * that holds it
	 * @param keyFile the key file, its permissions checked as libpq checks them
	 * @param password the key's password, or {@code null}
	 * @throws KeyFileException if they cannot be read, do not belong together, or the certificate is not valid now
	 */
	public static ClientKeyMaterial read(Names names, @Nullable Path certificateFile, Path keyFile,
			@Nullable String password) {
		KeyFilePermissions.check(keyFile, names.key());
		byte[] content = readFile(keyFile, names.key());
		String text = new String(content, StandardCharsets.ISO_8859_1);
		ClientKeyMaterial material;
		if (text.contains("-----BEGIN ")) {
			material = fromPem(names, certificateFile, keyFile, text, password);
		}
		else {
			material = fromDer(names, certificateFile, keyFile, content, password);
		}
		ClientKeyChecks.checkBelongTogether(names, keyFile, material);
		ClientKeyChecks.checkValidNow(names, material.certificate());
		return material;
	}

	private static ClientKeyMaterial fromPem(Names names, @Nullable Path certificateFile, Path keyFile, String text,
			@Nullable String password) {
		Matcher block = PEM_BLOCK.matcher(text);
		while (block.find()) {
			String type = block.group(1);
			if (!type.endsWith("PRIVATE KEY")) {
				continue;
			}
			if (block.group(2).contains("ENCRYPTED")) {
				throw new KeyFileException(names.key(),
						"The " + names.key() + " file " + keyFile + " is a " + type + " encrypted "
						+ "in OpenSSL's legacy format (Proc-Type: 4,ENCRYPTED), which Java cannot open.",
						"Re-encrypt it as PKCS#8: openssl pkcs8 -topk8 -v2 aes-256-cbc -in " + keyFile + " -out "
								+ withExtension(keyFile, "-pkcs8.key") + ", and give that file with the same "
								+ names.password() + ".");
			}
			byte[] der = Base64.getMimeDecoder().decode(block.group(3));
			List<X509Certificate> chain = certificates(names, certificateFile, keyFile);
			return switch (type) {
				case "PRIVATE KEY" -> new ClientKeyMaterial(pkcs8(names, keyFile, der), chain, "PEM PKCS#8 key");
				case "ENCRYPTED PRIVATE KEY" -> new ClientKeyMaterial(
						pkcs8(names, keyFile, SealedKeys.decrypt(names, keyFile, der, password)), chain,
						"encrypted PEM PKCS#8 key");
				case "RSA PRIVATE KEY" -> new ClientKeyMaterial(pkcs8(names, keyFile, Der.pkcs8FromRsa(der)), chain,
						"PEM PKCS#1 RSA key");
				case "EC PRIVATE KEY" -> new ClientKeyMaterial(
						pkcs8(names, keyFile, Der.pkcs8FromEc(der, chain.get(0).getPublicKey().getEncoded())), chain,
						"PEM SEC1 EC key");
				default -> throw new KeyFileException(names.key(),
						"The " + names.key() + " file " + keyFile + " holds a '" + type
						+ "', which is not a key format PostgreSQL clients read.",
						"Give a PEM (PKCS#8, PKCS#1 or SEC1), DER PKCS#8 or PKCS#12 key.");
			};
		}
		throw new KeyFileException(names.key(),
				"The " + names.key() + " file " + keyFile + " holds no private key (a certificate, "
				+ "perhaps).", "Give the private key of the client certificate in " + names.key() + ".");
	}

	/**
	 * Whether a key file is a PKCS#12 store by its name ({@code .p12}, {@code .pfx}), as pgjdbc decides it: such a
	 * store holds the certificate chain with the key, so it needs no certificate file.
	 */
	public static boolean isPkcs12Store(String keyFile) {
		String lowerCase = keyFile.toLowerCase(Locale.ROOT);
		return lowerCase.endsWith(".p12") || lowerCase.endsWith(".pfx");
	}

	private static ClientKeyMaterial fromDer(Names names, @Nullable Path certificateFile, Path keyFile, byte[] der,
			@Nullable String password) {
		if (isPkcs12Store(keyFile.toString())) {
			return SealedKeys.fromPkcs12(names, certificateFile, keyFile, der, password);
		}
		Optional<PrivateKey> plain = algorithmOf(der);
		if (plain.isPresent()) {
			return new ClientKeyMaterial(plain.get(), certificates(names, certificateFile, keyFile), "DER PKCS#8 key");
		}
		if (SealedKeys.isEncryptedPkcs8(der)) {
			return new ClientKeyMaterial(pkcs8(names, keyFile, SealedKeys.decrypt(names, keyFile, der, password)),
					certificates(names, certificateFile, keyFile), "encrypted DER PKCS#8 key");
		}
		return SealedKeys.fromPkcs12(names, certificateFile, keyFile, der, password);
	}

	static List<X509Certificate> certificates(Names names, @Nullable Path certificateFile, Path keyFile) {
		if (certificateFile == null) {
			throw new KeyFileException(names.key(),
					"The " + names.key() + " file " + keyFile + " is given without a certificate.",
					"Give the client certificate in " + names.certificate() + ".");
		}
		byte[] content = readFile(certificateFile, names.certificate());
		List<X509Certificate> chain = new ArrayList<>();
		try {
			for (Certificate certificate : CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(content))) {
				chain.add((X509Certificate) certificate);
			}
		}
		catch (GeneralSecurityException ex) {
			// reported below: the file holds no readable certificate
		}
		if (chain.isEmpty()) {
			throw new KeyFileException(names.certificate(),
					"The " + names.certificate() + " file " + certificateFile + " holds no "
					+ "readable certificate.", "Give the client certificate (PEM or DER), followed by any "
							+ "intermediate CA certificates.");
		}
		return chain;
	}

	static PrivateKey pkcs8(Names names, Path keyFile, byte[] der) {
		return algorithmOf(der).orElseThrow(() -> new KeyFileException(names.key(),
				"The " + names.key() + " file " + keyFile
				+ " holds a key of an algorithm Java cannot read.", "Use an RSA or EC key."));
	}

	private static Optional<PrivateKey> algorithmOf(byte[] pkcs8) {
		for (String algorithm : KEY_ALGORITHMS) {
			try {
				return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				// try the next algorithm
			}
		}
		return Optional.empty();
	}

	static byte[] readFile(Path file, String parameter) {
		if (!Files.isRegularFile(file)) {
			throw new KeyFileException(parameter,
					"The " + parameter + " file " + file + " does not exist (the drivers read "
					+ "files only, not classpath resources).", "Give the path of an existing file, readable by the "
							+ "application.");
		}
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new KeyFileException(parameter,
					"The " + parameter + " file " + file + " cannot be read: " + ex.getMessage(),
					"Make it readable by the application's user.");
		}
	}

	static String withExtension(Path file, String suffix) {
		String name = file.toString();
		int dot = name.lastIndexOf('.');
		int slash = name.lastIndexOf('/');
		return ((dot > slash) ? name.substring(0, dot) : name) + suffix;
	}

	/**
	 * What the user calls the three parameters, in the URL's own spelling.
	 *
	 * @param certificate the certificate file's
	 * @param key the key file's
	 * @param password the key's password
	 */
	public record Names(String certificate, String key, String password) {
	}

}
