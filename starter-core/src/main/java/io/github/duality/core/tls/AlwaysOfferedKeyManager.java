package io.github.duality.core.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

import org.jspecify.annotations.Nullable;

/**
 * Offers the client certificate whichever CAs the server names in its certificate request, as libpq does. The JDK's
 * key managers offer none when its chain leads to none of them, and the server then only says that a certificate is
 * required; sent, a certificate from the wrong CA is refused with the reason ({@code unknown_ca}).
 */
final class AlwaysOfferedKeyManager extends X509ExtendedKeyManager {

	private final X509KeyManager delegate;

	private AlwaysOfferedKeyManager(X509KeyManager delegate) {
		this.delegate = delegate;
	}

	/** The factory's X.509 key manager, wrapped. */
	static KeyManager of(KeyManagerFactory factory) {
		for (KeyManager manager : factory.getKeyManagers()) {
			if (manager instanceof X509KeyManager x509) {
				return new AlwaysOfferedKeyManager(x509);
			}
		}
		throw new IllegalStateException("The key material holds no X.509 key manager");
	}

	@Override
	public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers, Socket socket) {
		return this.delegate.chooseClientAlias(keyType, null, socket);
	}

	@Override
	public @Nullable String chooseEngineClientAlias(String[] keyType, Principal @Nullable [] issuers,
			SSLEngine engine) {
		return (this.delegate instanceof X509ExtendedKeyManager extended)
				? extended.chooseEngineClientAlias(keyType, null, engine)
				: this.delegate.chooseClientAlias(keyType, null, null);
	}

	@Override
	public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
		return this.delegate.getClientAliases(keyType, null);
	}

	@Override
	public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
		return this.delegate.getServerAliases(keyType, issuers);
	}

	@Override
	public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, Socket socket) {
		return this.delegate.chooseServerAlias(keyType, issuers, socket);
	}

	@Override
	public X509Certificate @Nullable [] getCertificateChain(String alias) {
		return this.delegate.getCertificateChain(alias);
	}

	@Override
	public @Nullable PrivateKey getPrivateKey(String alias) {
		return this.delegate.getPrivateKey(alias);
	}

}
