package io.github.duality.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The CA the test server trusts for client certificates ({@code ssl_ca_file}), and the client certificates it
 * issues: through an intermediate CA, so that every certificate file is a chain, as Cloud SQL's and most enterprise
 * CAs' are. The server authenticates {@link #ROLE} by its certificate alone ({@code hostssl ... cert}).
 */
public final class ClientCertificates {

	/** The role the test server authenticates by client certificate only; a member of the application role. */
	public static final String ROLE = "duality_cert";

	private final Path rootCertificate;

	private final CertificateAuthority intermediate;

	private ClientCertificates(Path rootCertificate, CertificateAuthority intermediate) {
		this.rootCertificate = rootCertificate;
		this.intermediate = intermediate;
	}

	/**
	 * A new root CA, written to {@code rootCertificate}, and an intermediate CA it signed: the test server's, or one
	 * of a unit test's own.
	 */
	public static ClientCertificates generate(Path rootCertificate) {
		try {
			CertificateAuthority root = newRoot("Duality test client CA " + Instant.now());
			KeyPair intermediateKeys = TlsFiles.newKeyPair();
			X509Certificate intermediate = TlsFiles.caCertificate(intermediateKeys,
					"Duality test client intermediate CA", root, 0);
			Files.writeString(rootCertificate, TlsFiles.pem(new JcaMiscPEMGenerator(root.certificate())));
			return new ClientCertificates(rootCertificate,
					new CertificateAuthority(intermediate, intermediateKeys.getPrivate()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not generate the test client CA", ex);
		}
	}

	/** The PEM file of the root CA the server checks client certificates against. */
	public Path rootCertificate() {
		return this.rootCertificate;
	}

	/**
	 * Issue a client certificate for {@code commonName} (the role it authenticates), valid now.
	 * @param keyAlgorithm {@code RSA} or {@code EC}
	 * @param directory where its files are written
	 * @return the certificate, its chain and its key, written in any format on request
	 */
	public ClientCertificate issue(String commonName, String keyAlgorithm, Path directory) {
		return issue(this.intermediate, commonName, keyAlgorithm, Instant.now(), directory);
	}

	/** A client certificate for {@code commonName} that expired a month ago. */
	public ClientCertificate issueExpired(String commonName, Path directory) {
		return issue(this.intermediate, commonName, "EC", Instant.now().minus(Duration.ofDays(30)), directory);
	}

	/** A client certificate for {@code commonName} from a CA the test server does not trust. */
	public static ClientCertificate issueByForeignCa(String commonName, Path directory) {
		return issue(newRoot("Foreign CA " + Instant.now()), commonName, "EC", Instant.now(), directory);
	}

	private static ClientCertificate issue(CertificateAuthority issuer, String commonName, String keyAlgorithm,
			Instant validFrom, Path directory) {
		try {
			KeyPair keys = newKeyPair(keyAlgorithm);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509Certificate certificate = TlsFiles.sign(TlsFiles
				.builder(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
						new X500Name("CN=" + commonName), keys.getPublic(), validFrom)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(issuer.certificate())),
					issuer.key());
			return ClientCertificate.write(directory, List.of(certificate, issuer.certificate()), keys.getPrivate());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not issue a test client certificate", ex);
		}
	}

	private static CertificateAuthority newRoot(String commonName) {
		try {
			KeyPair keys = TlsFiles.newKeyPair();
			return new CertificateAuthority(TlsFiles.caCertificate(keys, commonName, null, 1), keys.getPrivate());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not generate a test CA", ex);
		}
	}

	private static KeyPair newKeyPair(String algorithm) throws GeneralSecurityException {
		if ("EC".equals(algorithm)) {
			return TlsFiles.newKeyPair();
		}
		KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
		if ("RSA".equals(algorithm)) {
			generator.initialize(2048);
		}
		return generator.generateKeyPair();
	}

}
