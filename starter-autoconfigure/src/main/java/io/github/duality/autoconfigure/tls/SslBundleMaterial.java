package io.github.duality.autoconfigure.tls;

import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * A Spring Boot SSL bundle as the TLS material of both paths: its trust store checks the server certificate, its key
 * store (when it has one) supplies the client certificate. When the bundle reloads ({@code reload-on-update}), new
 * connections on both paths use the new material; open ones keep theirs.
 */
public final class SslBundleMaterial implements TlsMaterial {

	private final String name;

	private final AtomicReference<SslBundle> bundle;

	private SslBundleMaterial(String name, SslBundle bundle) {
		this.name = name;
		this.bundle = new AtomicReference<>(bundle);
	}

	/**
	 * The bundle of that name, followed through its reloads.
	 * @throws org.springframework.boot.ssl.NoSuchSslBundleException if there is none
	 */
	public static SslBundleMaterial of(SslBundles bundles, String name) {
		SslBundleMaterial material = new SslBundleMaterial(name, bundles.getBundle(name));
		bundles.addBundleUpdateHandler(name, material.bundle::set);
		return material;
	}

	@Override
	public @Nullable KeyManagerFactory keyManagers() {
		SslBundle current = this.bundle.get();
		return (current.getStores().getKeyStore() != null) ? current.getManagers().getKeyManagerFactory() : null;
	}

	@Override
	public @Nullable TrustManagerFactory trustManagers() {
		SslBundle current = this.bundle.get();
		return (current.getStores().getTrustStore() != null) ? current.getManagers().getTrustManagerFactory() : null;
	}

	/** One per bundle object: two application contexts in one JVM may each have a bundle of the same name. */
	@Override
	public String id() {
		return "ssl-bundle-" + this.name + "-" + Integer.toHexString(System.identityHashCode(this));
	}

	@Override
	public String describe() {
		SslBundle current = this.bundle.get();
		return "SSL bundle '" + this.name + "'" + ((current.getStores().getKeyStore() != null)
				? " (with a client certificate)" : " (trust anchors only)");
	}

	@Override
	public String toString() {
		return describe();
	}

}
