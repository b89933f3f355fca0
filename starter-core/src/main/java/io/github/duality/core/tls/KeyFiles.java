package io.github.duality.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Reads a client key and its certificate chain in every format libpq or either driver reads: PEM PKCS#8, PEM PKCS#1
 * (RSA) and SEC1 (EC), DER PKCS#8, encrypted PKCS#8 (PEM or DER) and PKCS#12, each opened with {@code sslpassword}
 * where it is encrypted. Nothing decrypted is ever written anywhere.
 */
public final class KeyFiles {

	private static final Pattern PEM_BLOCK = Pattern
		.compile("-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n((?:[A-Za-z-]+:[^\\n]*\\n)*)\\r?\\n?([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	/** Tried in turn for a PKCS#8 key's algorithm, which its bytes name but Java's factories must be asked for. */
	private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

	/** How a key proves it belongs to a certificate: it signs, the certificate's public key verifies. */
	private static final Map<String, String> PROOF_SIGNATURES = Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA",
			"Ed25519", "Ed25519", "EdDSA", "Ed25519", "Ed448", "Ed448", "DSA", "SHA256withDSA");

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
		checkBelongTogether(names, keyFile, material);
		checkValidNow(names, material.certificate());
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
				throw new KeyFileException(names.key(), "The " + names.key() + " file " + keyFile + " is a " + type + " encrypted "
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
						pkcs8(names, keyFile, decrypt(names, keyFile, der, password)), chain,
						"encrypted PEM PKCS#8 key");
				case "RSA PRIVATE KEY" -> new ClientKeyMaterial(pkcs8(names, keyFile, Der.pkcs8FromRsa(der)), chain,
						"PEM PKCS#1 RSA key");
				case "EC PRIVATE KEY" -> new ClientKeyMaterial(
						pkcs8(names, keyFile, Der.pkcs8FromEc(der, chain.get(0).getPublicKey().getEncoded())), chain,
						"PEM SEC1 EC key");
				default -> throw new KeyFileException(names.key(), "The " + names.key() + " file " + keyFile + " holds a '" + type
						+ "', which is not a key format PostgreSQL clients read.",
						"Give a PEM (PKCS#8, PKCS#1 or SEC1), DER PKCS#8 or PKCS#12 key.");
			};
		}
		throw new KeyFileException(names.key(), "The " + names.key() + " file " + keyFile + " holds no private key (a certificate, "
				+ "perhaps).", "Give the private key of the client certificate in " + names.key() + ".");
	}

	private static ClientKeyMaterial fromDer(Names names, @Nullable Path certificateFile, Path keyFile, byte[] der,
			@Nullable String password) {
		String lowerCaseName = keyFile.getFileName().toString().toLowerCase(Locale.ROOT);
		if (lowerCaseName.endsWith(".p12") || lowerCaseName.endsWith(".pfx")) {
			return fromPkcs12(names, certificateFile, keyFile, der, password);
		}
		Optional<PrivateKey> plain = algorithmOf(der);
		if (plain.isPresent()) {
			return new ClientKeyMaterial(plain.get(), certificates(names, certificateFile, keyFile), "DER PKCS#8 key");
		}
		if (isEncryptedPkcs8(der)) {
			return new ClientKeyMaterial(pkcs8(names, keyFile, decrypt(names, keyFile, der, password)),
					certificates(names, certificateFile, keyFile), "encrypted DER PKCS#8 key");
		}
		return fromPkcs12(names, certificateFile, keyFile, der, password);
	}

	private static ClientKeyMaterial fromPkcs12(Names names, @Nullable Path certificateFile, Path keyFile,
			byte[] content, @Nullable String password) {
		char[] secret = (password != null) ? password.toCharArray() : new char[0];
		KeyStore store;
		try {
			store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(content), secret);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof java.security.UnrecoverableKeyException) {
				throw wrongPassword(names, keyFile, password);
			}
			throw new KeyFileException(names.key(), "The " + names.key() + " file " + keyFile + " is no key Java can read: not "
					+ "PEM, DER PKCS#8 or PKCS#12 (" + ex.getMessage() + ").",
					"Give a PEM (PKCS#8, PKCS#1 or SEC1), DER PKCS#8 or PKCS#12 key.");
		}
		catch (GeneralSecurityException ex) {
			throw new KeyFileException(names.key(), "The PKCS#12 store " + keyFile + " cannot be read: " + ex.getMessage(),
					"Give a PEM (PKCS#8, PKCS#1 or SEC1), DER PKCS#8 or PKCS#12 key.");
		}
		try {
			for (String alias : Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias)) {
					PrivateKey key = (PrivateKey) store.getKey(alias, secret);
					List<X509Certificate> chain = new ArrayList<>();
					for (Certificate certificate : store.getCertificateChain(alias)) {
						chain.add((X509Certificate) certificate);
					}
					checkSameCertificate(names, certificateFile, keyFile, chain);
					return new ClientKeyMaterial(key, chain, "PKCS#12 store");
				}
			}
		}
		catch (java.security.UnrecoverableKeyException ex) {
			throw wrongPassword(names, keyFile, password);
		}
		catch (GeneralSecurityException ex) {
			throw new KeyFileException(names.key(), "The PKCS#12 store " + keyFile + " cannot be read: " + ex.getMessage(),
					"Give a PKCS#12 store holding the client key and its certificate chain.");
		}
		throw new KeyFileException(names.key(), "The PKCS#12 store " + keyFile + " holds no private key.",
				"Give a PKCS#12 store holding the client key and its certificate chain.");
	}

	/** A certificate file beside a PKCS#12 store must name the store's own certificate, or it is a mistake. */
	private static void checkSameCertificate(Names names, @Nullable Path certificateFile, Path keyFile,
			List<X509Certificate> chain) {
		if (certificateFile != null && Files.isRegularFile(certificateFile)
				&& !certificates(names, certificateFile, keyFile).get(0).equals(chain.get(0))) {
			throw new KeyFileException(names.certificate(), "The " + names.certificate() + " file " + certificateFile + " is not the "
					+ "certificate in the PKCS#12 store " + keyFile + ".", "Remove " + names.certificate()
							+ ": the store holds the certificate chain.");
		}
	}

	private static List<X509Certificate> certificates(Names names, @Nullable Path certificateFile, Path keyFile) {
		if (certificateFile == null) {
			throw new KeyFileException(names.key(), "The " + names.key() + " file " + keyFile + " is given without a certificate.",
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
			throw new KeyFileException(names.certificate(), "The " + names.certificate() + " file " + certificateFile + " holds no "
					+ "readable certificate.", "Give the client certificate (PEM or DER), followed by any "
							+ "intermediate CA certificates.");
		}
		return chain;
	}

	private static PrivateKey pkcs8(Names names, Path keyFile, byte[] der) {
		return algorithmOf(der).orElseThrow(() -> new KeyFileException(names.key(), "The " + names.key() + " file " + keyFile
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

	private static boolean isEncryptedPkcs8(byte[] der) {
		try {
			new EncryptedPrivateKeyInfo(der);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static byte[] decrypt(Names names, Path keyFile, byte[] der, @Nullable String password) {
		if (password == null) {
			throw new KeyFileException(names.password(), "The " + names.key() + " file " + keyFile + " is encrypted, and no "
					+ names.password() + " is given.", "Give its passphrase as " + names.password() + ".");
		}
		try {
			EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
			// PBES2 names its real cipher in its parameters (PBEWithHmacSHA256AndAES_256, say)
			String algorithm = info.getAlgName().equals("PBES2") || info.getAlgName().equals("1.2.840.113549.1.5.13")
					? info.getAlgParameters().toString() : info.getAlgName();
			Cipher cipher = Cipher.getInstance(algorithm);
			cipher.init(Cipher.DECRYPT_MODE,
					SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
					info.getAlgParameters());
			return info.getKeySpec(cipher).getEncoded();
		}
		catch (java.security.spec.InvalidKeySpecException ex) {
			throw wrongPassword(names, keyFile, password);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new KeyFileException(names.key(), "The " + names.key() + " file " + keyFile + " is encrypted with a scheme Java "
					+ "cannot open (" + ex.getMessage() + ").", "Re-encrypt it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in "
							+ keyFile + " -out " + withExtension(keyFile, "-pkcs8.key"));
		}
	}

	private static KeyFileException wrongPassword(Names names, Path keyFile, @Nullable String password) {
		return new KeyFileException(names.password(), "The " + names.password() + " given does not open the " + names.key() + " file "
				+ keyFile + ((password == null) ? " (none is given)." : "."),
				"Give the key's passphrase as " + names.password() + ".");
	}

	private static void checkBelongTogether(Names names, Path keyFile, ClientKeyMaterial material) {
		PublicKey publicKey = material.certificate().getPublicKey();
		String signatureAlgorithm = PROOF_SIGNATURES.get(material.key().getAlgorithm());
		if (signatureAlgorithm == null) {
			return;
		}
		try {
			byte[] challenge = new byte[32];
			new SecureRandom().nextBytes(challenge);
			Signature signer = Signature.getInstance(signatureAlgorithm);
			signer.initSign(material.key());
			signer.update(challenge);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(signatureAlgorithm);
			verifier.initVerify(publicKey);
			verifier.update(challenge);
			if (verifier.verify(signature)) {
				return;
			}
		}
		catch (GeneralSecurityException ex) {
			// a key of another type than the certificate's: reported below
		}
		throw new KeyFileException(names.key(), "The " + names.key() + " file " + keyFile + " is not the key of the client "
				+ "certificate " + material.certificate().getSubjectX500Principal().getName() + " in "
				+ names.certificate() + ".", "Give the certificate and the key that were issued together.");
	}

	private static void checkValidNow(Names names, X509Certificate certificate) {
		try {
			certificate.checkValidity();
		}
		catch (CertificateExpiredException ex) {
			throw new KeyFileException(names.certificate(), "The client certificate " + certificate.getSubjectX500Principal().getName()
					+ " in " + names.certificate() + " expired on " + certificate.getNotAfter().toInstant()
					+ ": the server refuses it.", "Renew the client certificate.");
		}
		catch (CertificateNotYetValidException ex) {
			throw new KeyFileException(names.certificate(), "The client certificate " + certificate.getSubjectX500Principal().getName()
					+ " in " + names.certificate() + " is valid only from " + certificate.getNotBefore().toInstant()
					+ ": the server refuses it until then.", "Check the clock, or wait until it is valid.");
		}
	}

	private static byte[] readFile(Path file, String parameter) {
		if (!Files.isRegularFile(file)) {
			throw new KeyFileException(parameter, "The " + parameter + " file " + file + " does not exist (the drivers read "
					+ "files only, not classpath resources).", "Give the path of an existing file, readable by the "
							+ "application.");
		}
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new KeyFileException(parameter, "The " + parameter + " file " + file + " cannot be read: " + ex.getMessage(),
					"Make it readable by the application's user.");
		}
	}

	private static String withExtension(Path file, String suffix) {
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
