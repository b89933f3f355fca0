package io.github.duality.core.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Map;

import io.github.duality.core.tls.KeyFiles.Names;

/**
 * What makes a client key and certificate usable together, checked at startup rather than met at connect time: the
 * key is the certificate's, and the certificate is valid now.
 */
final class ClientKeyChecks {

	/** How a key proves it belongs to a certificate: it signs, the certificate's public key verifies. */
	private static final Map<String, String> PROOF_SIGNATURES = Map.of("RSA", "SHA256withRSA", "EC",
			"SHA256withECDSA", "Ed25519", "Ed25519", "EdDSA", "Ed25519", "Ed448", "Ed448", "DSA", "SHA256withDSA");

	private ClientKeyChecks() {
	}

	static void checkBelongTogether(Names names, Path keyFile, ClientKeyMaterial material) {
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
		throw new KeyFileException(names.key(),
				"The " + names.key() + " file " + keyFile + " is not the key of the client "
				+ "certificate " + material.certificate().getSubjectX500Principal().getName() + " in "
				+ names.certificate() + ".", "Give the certificate and the key that were issued together.");
	}

	static void checkValidNow(Names names, X509Certificate certificate) {
		try {
			certificate.checkValidity();
		}
		catch (CertificateExpiredException ex) {
			throw new KeyFileException(names.certificate(),
					"The client certificate " + certificate.getSubjectX500Principal().getName()
					+ " in " + names.certificate() + " expired on " + certificate.getNotAfter().toInstant()
					+ ": the server refuses it.", "Renew the client certificate.");
		}
		catch (CertificateNotYetValidException ex) {
			throw new KeyFileException(names.certificate(),
					"The client certificate " + certificate.getSubjectX500Principal().getName()
					+ " in " + names.certificate() + " is valid only from " + certificate.getNotBefore().toInstant()
					+ ": the server refuses it until then.", "Check the clock, or wait until it is valid.");
		}
	}

}
