package io.github.duality.core.render;

import java.util.function.Function;

import io.netty.handler.ssl.SslContextBuilder;

/**
 * What {@code verify-ca} means in libpq and pgjdbc, for r2dbc: trust the CA, do not check the host name. Netty 4.2
 * turns on HTTPS host-name identification for every client context, so without this r2dbc refuses a server whose
 * certificate does not name the address it is reached at (a cloud database's private IP, say).
 */
final class CertificateOnlyVerification implements Function<SslContextBuilder, SslContextBuilder> {

	static final CertificateOnlyVerification INSTANCE = new CertificateOnlyVerification();

	private CertificateOnlyVerification() {
	}

	@Override
	public SslContextBuilder apply(SslContextBuilder builder) {
		return builder.endpointIdentificationAlgorithm(null);
	}

	@Override
	public String toString() {
		return "verify-ca: the CA is checked, the host name is not";
	}

}
