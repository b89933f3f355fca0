package io.github.duality.core.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * A client certificate chain and its private key, read once at startup: what both paths offer the server. The trust
 * anchors stay the URL's.
 */
public final class ClientKeyMaterial implements TlsMaterial {

	private static final char[] IN_MEMORY_PASSWORD = new char[0];

	private final PrivateKey key;

	private final List<X509Certificate> chain;

	private final String source;

	private final KeyManagerFactory keyManagers;

	ClientKeyMaterial(PrivateKey key, List<X509Certificate> chain, String source) {
		this.key = key;
		this.chain = List.copyOf(chain);
		this.source = source;
		this.keyManagers = keyManagers(key, this.chain);
	}

	/** The certificate the server sees, first in the chain. */
	public X509Certificate certificate() {
		return this.chain.get(0);
	}

	public List<X509Certificate> chain() {
		return this.chain;
	}

	PrivateKey key() {
		return this.key;
	}

	@Override
	public KeyManagerFactory keyManagers() {
		return this.keyManagers;
	}

	@Override
	public @Nullable TrustManagerFactory trustManagers() {
		return null;
	}

	/** The certificate's SHA-256 fingerprint: public, and different for each certificate. */
	@Override
	public String id() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
			return "client-certificate-" + HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String describe() {
		return "client certificate " + certificate().getSubjectX500Principal().getName() + " (" + this.source + ")";
	}

	@Override
	public String toString() {
		return describe();
	}

	private static KeyManagerFactory keyManagers(PrivateKey key, List<X509Certificate> chain) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(store, IN_MEMORY_PASSWORD);
			return factory;
		}
		catch (GeneralSecurityException | java.io.IOException ex) {
			throw new IllegalStateException("Could not hold the client key in memory: " + ex.getMessage(), ex);
		}
	}

}
