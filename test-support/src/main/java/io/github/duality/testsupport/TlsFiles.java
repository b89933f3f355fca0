package io.github.duality.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A certificate authority and a server certificate it signed, generated for one run and written as PEM files: a
 * client that trusts {@link #caCertificate()} can verify the server fully, as in production.
 *
 * @param caCertificate the CA certificate
 * @param serverCertificate the server certificate (CN {@code localhost})
 * @param serverKey the server's PKCS#8 private key, readable by its owner only (PostgreSQL refuses a looser key)
 */
record TlsFiles(Path caCertificate, Path serverCertificate, Path serverKey) {

	/** The names every server certificate covers: what clients use to reach a local or port-forwarded server. */
	static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");

	private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

	private static final Duration VALIDITY = Duration.ofDays(7);

	private static final SecureRandom RANDOM = new SecureRandom();

	static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

	/**
	 * Generate the CA and a server certificate for {@link #LOCAL_NAMES} and the given extra names.
	 * @param directory where to write {@code ca.crt}, {@code server.crt} and {@code server.key}
	 * @param extraNames further host names or IP addresses the server is reached by
	 * @return the written files
	 */
	static TlsFiles generate(Path directory, List<String> extraNames) {
		try {
			Files.createDirectories(directory);
			KeyPair caKeys = newKeyPair();
			X509Certificate ca = caCertificate(caKeys);
			KeyPair serverKeys = newKeyPair();
			List<String> names = new ArrayList<>(LOCAL_NAMES);
			extraNames.stream().filter((name) -> !names.contains(name)).forEach(names::add);
			X509Certificate server = serverCertificate(serverKeys.getPublic(), names, ca, caKeys.getPrivate());
			TlsFiles files = new TlsFiles(directory.resolve("ca.crt"), directory.resolve("server.crt"),
					directory.resolve("server.key"));
			Files.writeString(files.caCertificate(), pem(new JcaMiscPEMGenerator(ca)));
			Files.writeString(files.serverCertificate(), pem(new JcaMiscPEMGenerator(server)));
			Files.createFile(files.serverKey(), OWNER_ONLY);
			Files.writeString(files.serverKey(), pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null)));
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the test TLS files to " + directory, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not generate the test TLS certificates", ex);
		}
	}

	// EC keys: generated in milliseconds where RSA takes a noticeable part of the fixture's startup
	static KeyPair newKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
		return generator.generateKeyPair();
	}

	private static X509Certificate caCertificate(KeyPair keys)
			throws GeneralSecurityException, OperatorCreationException, CertIOException {
		return caCertificate(keys, "Duality test CA " + Instant.now(), null, 0);
	}

	/**
	 * A CA certificate, self-signed when {@code issuer} is {@code null}.
	 * @param pathLength how many CAs may follow it in a chain
	 */
	static X509Certificate caCertificate(KeyPair keys, String commonName, CertificateAuthority issuer, int pathLength)
			throws GeneralSecurityException, OperatorCreationException, CertIOException {
		X500Name name = new X500Name("CN=" + commonName);
		X500Name issuerName = (issuer != null)
				? X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()) : name;
		X509v3CertificateBuilder builder = builder(issuerName, name, keys.getPublic(), Instant.now())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength))
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
			.addExtension(Extension.subjectKeyIdentifier, false,
					new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
		return sign(builder, (issuer != null) ? issuer.key() : keys.getPrivate());
	}

	private static X509Certificate serverCertificate(PublicKey key, List<String> names, X509Certificate ca,
			PrivateKey caKey) throws GeneralSecurityException, OperatorCreationException, CertIOException {
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		X509v3CertificateBuilder builder = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
				new X500Name("CN=localhost"), key, Instant.now())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
			.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
			.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(names))
			.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key))
			.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
		return sign(builder, caKey);
	}

	/** A certificate valid from an hour before {@code now} for a week after it. */
	static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant now) {
		// backdated a little: tolerates clock skew between this JVM and a container
		return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, key);
	}

	private static GeneralNames subjectAlternativeNames(List<String> names) {
		return new GeneralNames(names.stream()
			.map((name) -> new GeneralName(isIpAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
			.toArray(GeneralName[]::new));
	}

	private static boolean isIpAddress(String name) {
		return name.contains(":") || name.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
	}

	static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
			throws GeneralSecurityException, OperatorCreationException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
	}

	static String pem(PemObjectGenerator object) throws IOException {
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(object);
		}
		return pem.toString();
	}

}
