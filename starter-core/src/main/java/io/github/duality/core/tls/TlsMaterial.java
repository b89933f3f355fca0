package io.github.duality.core.tls;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Key and trust material that both paths use in memory: a client key read from files, or a Spring Boot SSL bundle.
 * Asked again for every new connection, so that material that is reloaded reaches new connections on both paths.
 */
public interface TlsMaterial {

	/** What offers the client certificate, or {@code null} when there is none. */
	@Nullable KeyManagerFactory keyManagers();

	/** What checks the server certificate, or {@code null} when the URL's trust anchors apply. */
	@Nullable TrustManagerFactory trustManagers();

	/**
	 * A stable name for the material, which the pgjdbc path carries as {@code sslfactoryarg}: no secret, and the same
	 * for the same material.
	 */
	String id();

	/** What the material is, for notes and log lines: never a secret. */
	String describe();

}
