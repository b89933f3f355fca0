package io.github.duality.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.MiscPEMGenerator;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A client certificate with its chain, and its private key, which it writes in any format a user may be handed.
 */
public final class ClientCertificate {

	/** The password of the encrypted formats: every character that needs escaping in a URL (ASCII: PKCS#12 in Java 17 takes no other). */
	public static final String KEY_PASSWORD = "k3y:p@ss w/rd?&=%+#";

	private final Path directory;

	private final List<X509Certificate> chain;

	private final PrivateKey key;

	private ClientCertificate(Path directory, List<X509Certificate> chain, PrivateKey key) {
		this.directory = directory;
		this.chain = chain;
		this.key = key;
	}

	static ClientCertificate write(Path directory, List<X509Certificate> chain, PrivateKey key) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("client.crt"),
				chain.stream().map(ClientCertificate::pem).collect(Collectors.joining()));
		return new ClientCertificate(directory, chain, key);
	}

	/** The PEM file of the certificate followed by the intermediate CA that signed it. */
	public Path certificateFile() {
		return this.directory.resolve("client.crt");
	}

	/** The certificate's subject, as {@code pg_stat_ssl.client_dn} shows it. */
	public String subject() {
		return this.chain.get(0).getSubjectX500Principal().getName();
	}

	/**
	 * Write the private key in a format, readable by its owner only (as libpq demands), once.
	 * @return the key file
	 */
	public Path keyFile(KeyFormat format) {
		Path file = this.directory.resolve(format.fileName);
		if (Files.exists(file)) {
			return file;
		}
		try {
			Files.createFile(file, TlsFiles.OWNER_ONLY);
			try (OutputStream out = Files.newOutputStream(file)) {
				out.write(encode(format));
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not write the test client key as " + format, ex);
		}
	}

	private byte[] encode(KeyFormat format)
			throws IOException, GeneralSecurityException, OperatorCreationException {
		return switch (format) {
			case PEM_PKCS8 -> TlsFiles.pem(new JcaPKCS8Generator(this.key, null)).getBytes();
			case PEM_TRADITIONAL -> traditional();
			case DER_PKCS8 -> this.key.getEncoded();
			case ENCRYPTED_PEM_PKCS8 -> TlsFiles.pem(new JcaPKCS8Generator(this.key,
					new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setPRF(PKCS8Generator.PRF_HMACSHA256)
						.setProvider(new BouncyCastleProvider())
						.setPassword(KEY_PASSWORD.toCharArray())
						.build()))
				.getBytes();
			case PKCS12 -> {
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(null, null);
				store.setKeyEntry("client", this.key, KEY_PASSWORD.toCharArray(), this.chain.toArray(Certificate[]::new));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				store.store(bytes, KEY_PASSWORD.toCharArray());
				yield bytes.toByteArray();
			}
		};
	}

	/** PKCS#1 for RSA; SEC1 for EC, naming its curve as openssl writes it (Bouncy Castle's own writer leaves it out). */
	private byte[] traditional() throws IOException {
		if (!"EC".equals(this.key.getAlgorithm())) {
			return TlsFiles.pem(new JcaMiscPEMGenerator(this.key)).getBytes();
		}
		PrivateKeyInfo info = PrivateKeyInfo.getInstance(this.key.getEncoded());
		ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
		ECPrivateKey withCurve = new ECPrivateKey(256, sec1.getKey(), sec1.getPublicKey(),
				info.getPrivateKeyAlgorithm().getParameters());
		return TlsFiles.pem(new MiscPEMGenerator(new PemObject("EC PRIVATE KEY", withCurve.getEncoded()))).getBytes();
	}

	private static String pem(X509Certificate certificate) {
		try {
			return TlsFiles.pem(new JcaMiscPEMGenerator(certificate));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The formats of a private key in the wild.
	 */
	public enum KeyFormat {

		/** {@code BEGIN PRIVATE KEY}: what both drivers read as they are. */
		PEM_PKCS8("client.key"),

		/** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC1): Cloud SQL's, openssl's. */
		PEM_TRADITIONAL("client-traditional.key"),

		/** Binary PKCS#8, pgjdbc's own default ({@code postgresql.pk8}). */
		DER_PKCS8("client.pk8"),

		/** {@code BEGIN ENCRYPTED PRIVATE KEY}, opened with {@link #KEY_PASSWORD}. */
		ENCRYPTED_PEM_PKCS8("client-encrypted.key"),

		/** A PKCS#12 store holding the key and the chain, opened with {@link #KEY_PASSWORD}. */
		PKCS12("client.p12");

		private final String fileName;

		KeyFormat(String fileName) {
			this.fileName = fileName;
		}

	}

}
