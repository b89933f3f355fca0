package io.github.duality.core.model;

import io.github.duality.core.FileChecks;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * The TLS of both paths.
 *
 * @param mode the effective mode, written explicitly on both paths
 * @param trust the trust anchors the server certificate is checked against
 * @param clientCertificate the client certificate file as named, or {@code null}
 * @param clientKey the client key file as named, or {@code null}
 * @param material the client key read from those files, or an SSL bundle, which both paths get in memory;
 * {@code null} without one, or when the files were not read ({@link FileChecks#SKIP})
 * @param directNegotiation whether TLS starts directly (PostgreSQL 17 {@code sslnegotiation=direct})
 * @param channelBinding {@code disable}, {@code prefer} or {@code require}; {@code null} for the drivers' default
 */
public record Tls(SslMode mode, Trust trust, @Nullable String clientCertificate, @Nullable String clientKey,
		@Nullable TlsMaterial material, boolean directNegotiation, @Nullable String channelBinding) {

	/** The root certificate file, or {@code null} when the trust is not one. */
	public @Nullable String rootCertificateFile() {
		return (this.trust instanceof Trust.RootCertificateFile file) ? file.path() : null;
	}

	/**
	 * Trust anchors, a closed choice.
	 */
	public sealed interface Trust {

		/** A PEM file of trust anchors, written on both paths (also with a mode that does not verify). */
		record RootCertificateFile(String path) implements Trust {
		}

		/** The JDK's default trust store: r2dbc's own default, pgjdbc's DefaultJavaSSLFactory. */
		record JdkTrustStore() implements Trust {

			/** The SSL factory that makes pgjdbc trust the JDK's default trust store. */
			public static final String PGJDBC_FACTORY = "org.postgresql.ssl.DefaultJavaSSLFactory";

		}

		/** The material's own trust anchors: an SSL bundle's trust store. */
		record OfMaterial() implements Trust {
		}

		/** Nothing to check against: the mode does not verify certificates. */
		record None() implements Trust {
		}

	}

}
