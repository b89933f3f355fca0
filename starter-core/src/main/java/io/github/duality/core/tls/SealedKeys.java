package io.github.duality.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.github.duality.core.tls.KeyFiles.Names;
import org.jspecify.annotations.Nullable;

/**
 * Keys that {@code sslpassword} opens: encrypted PKCS#8 (PEM or DER) and PKCS#12 stores, which hold the certificate
 * chain too. Decrypted in memory only.
 */
final class SealedKeys {

	private SealedKeys() {
	}

	static boolean isEncryptedPkcs8(byte[] der) {
		try {
			new EncryptedPrivateKeyInfo(der);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	static byte[] decrypt(Names names, Path keyFile, byte[] der, @Nullable String password) {
		if (password == null) {
			throw new KeyFileException(names.password(),
					"The " + names.key() + " file " + keyFile + " is encrypted, and no "
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
		catch (InvalidKeySpecException ex) {
			throw wrongPassword(names, keyFile, password);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new KeyFileException(names.key(),
					"The " + names.key() + " file " + keyFile + " is encrypted with a scheme Java "
					+ "cannot open (" + ex.getMessage() + ").",
					"Re-encrypt it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in "
							+ keyFile + " -out " + KeyFiles.withExtension(keyFile, "-pkcs8.key"));
		}
	}

	static ClientKeyMaterial fromPkcs12(Names names, @Nullable Path certificateFile, Path keyFile,
			byte[] content, @Nullable String password) {
		char[] secret = (password != null) ? password.toCharArray() : new char[0];
		KeyStore store;
		try {
			store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(content), secret);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof UnrecoverableKeyException) {
				throw wrongPassword(names, keyFile, password);
			}
			throw new KeyFileException(names.key(),
					"The " + names.key() + " file " + keyFile + " is no key Java can read: not "
					+ "PEM, DER PKCS#8 or PKCS#12 (" + ex.getMessage() + ").",
					"Give a PEM (PKCS#8, PKCS#1 or SEC1), DER PKCS#8 or PKCS#12 key.");
		}
		catch (GeneralSecurityException ex) {
			throw new KeyFileException(names.key(),
					"The PKCS#12 store " + keyFile + " cannot be read: " + ex.getMessage(),
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
		catch (UnrecoverableKeyException ex) {
			throw wrongPassword(names, keyFile, password);
		}
		catch (GeneralSecurityException ex) {
			throw new KeyFileException(names.key(),
					"The PKCS#12 store " + keyFile + " cannot be read: " + ex.getMessage(),
					"Give a PKCS#12 store holding the client key and its certificate chain.");
		}
		throw new KeyFileException(names.key(), "The PKCS#12 store " + keyFile + " holds no private key.",
				"Give a PKCS#12 store holding the client key and its certificate chain.");
	}

	/** A certificate file beside a PKCS#12 store must name the store's own certificate, or it is a mistake. */
	private static void checkSameCertificate(Names names, @Nullable Path certificateFile, Path keyFile,
			List<X509Certificate> chain) {
		if (certificateFile != null && Files.isRegularFile(certificateFile)
				&& !KeyFiles.certificates(names, certificateFile, keyFile).get(0).equals(chain.get(0))) {
			throw new KeyFileException(names.certificate(),
					"The " + names.certificate() + " file " + certificateFile + " is not the "
					+ "certificate in the PKCS#12 store " + keyFile + ".", "Remove " + names.certificate()
							+ ": the store holds the certificate chain.");
		}
	}

	private static KeyFileException wrongPassword(Names names, Path keyFile, @Nullable String password) {
		return new KeyFileException(names.password(),
				"The " + names.password() + " given does not open the " + names.key() + " file "
				+ keyFile + ((password == null) ? " (none is given)." : "."),
				"Give the key's passphrase as " + names.password() + ".");
	}

}
