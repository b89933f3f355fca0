package io.github.duality.core;

import org.jspecify.annotations.Nullable;

/**
 * The TLS of both paths.
 *
 * @param mode the effective mode, written explicitly on both paths
 * @param trust the trust anchors the server certificate is checked against
 * @param clientCertificate the PEM client certificate file, or {@code null}
 * @param clientKey the PEM PKCS#8 client key file, or {@code null}
 * @param directNegotiation whether TLS starts directly (PostgreSQL 17 {@code sslnegotiation=direct})
 * @param channelBinding {@code disable}, {@code prefer} or {@code require}; {@code null} for the drivers' default
 */
public record Tls(SslMode mode, Trust trust, @Nullable String clientCertificate, @Nullable String clientKey,
		boolean directNegotiation, @Nullable String channelBinding) {

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
		}

		/** Nothing to check against: the mode does not verify certificates. */
		record None() implements Trust {
		}

	}

}
