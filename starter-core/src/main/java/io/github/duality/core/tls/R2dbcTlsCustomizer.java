package io.github.duality.core.tls;

import java.util.function.Function;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.netty.handler.ssl.SslContextBuilder;

/**
 * The material, for r2dbc-postgresql: its SSL context customizer runs last, for each new connection, after r2dbc has
 * set up the trust of the URL's {@code sslMode} and {@code sslRootCert}, and replaces what r2dbc would read from files
 * (its defaults in {@code ~/.postgresql/} included).
 */
public final class R2dbcTlsCustomizer implements Function<SslContextBuilder, SslContextBuilder> {

	private final TlsMaterial material;

	private final boolean materialTrust;

	private final boolean checkHostName;

	/**
	 * @param materialTrust whether the material's trust managers check the server certificate (the mode verifies it
	 * and the URL names no trust anchors)
	 * @param checkHostName {@code false} for {@code verify-ca}: Netty checks the host name of every client context
	 * otherwise, which libpq and pgjdbc do only for {@code verify-full}
	 */
	public R2dbcTlsCustomizer(TlsMaterial material, boolean materialTrust, boolean checkHostName) {
		this.material = material;
		this.materialTrust = materialTrust;
		this.checkHostName = checkHostName;
	}

	@Override
	public SslContextBuilder apply(SslContextBuilder builder) {
		KeyManagerFactory keyManagers = this.material.keyManagers();
		if (keyManagers != null) {
			builder.keyManager(AlwaysOfferedKeyManager.of(keyManagers));
		}
		TrustManagerFactory trustManagers = this.material.trustManagers();
		if (this.materialTrust && trustManagers != null) {
			builder.trustManager(trustManagers);
		}
		if (!this.checkHostName) {
			builder.endpointIdentificationAlgorithm(null);
		}
		return builder;
	}

	@Override
	public String toString() {
		return this.material.describe() + (this.materialTrust ? ", its trust anchors" : "")
				+ (this.checkHostName ? "" : "; verify-ca: the CA is checked, the host name is not");
	}

}
