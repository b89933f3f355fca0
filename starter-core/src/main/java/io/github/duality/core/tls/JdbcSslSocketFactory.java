package io.github.duality.core.tls;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.postgresql.PGProperty;
import org.postgresql.ssl.WrappedFactory;

/**
 * pgjdbc's SSL factory for the material Duality holds in memory: pgjdbc creates one for each connection and names it
 * by class ({@code sslfactory}), with the material's registered name as {@code sslfactoryarg}, so no key, password
 * or file reaches pgjdbc or the URL that Liquibase and Flyway log. pgjdbc still checks the host name itself for
 * {@code verify-full}.
 */
public final class JdbcSslSocketFactory extends WrappedFactory {

	/** Keyed by content (certificate fingerprint and trust), so that a JVM holds one entry per distinct material. */
	private static final Map<String, Registered> REGISTERED = new ConcurrentHashMap<>();

	/**
	 * Called by pgjdbc for each connection.
	 * @param info the connection properties; {@code sslfactoryarg} names the material
	 * @throws GeneralSecurityException if nothing is registered under that name in this JVM
	 */
	public JdbcSslSocketFactory(Properties info) throws GeneralSecurityException {
		String name = info.getProperty(PGProperty.SSL_FACTORY_ARG.getName());
		Registered registered = (name != null) ? REGISTERED.get(name) : null;
		if (registered == null) {
			throw new GeneralSecurityException("No TLS material named '" + name + "' in this JVM: "
					+ JdbcSslSocketFactory.class.getName() + " serves the connections Duality derives, not a URL "
					+ "written by hand");
		}
		this.factory = registered.newContext().getSocketFactory();
	}

	/**
	 * Make material available to pgjdbc connections in this JVM.
	 * @return the name to give pgjdbc as {@code sslfactoryarg}
	 */
	public static String register(TlsMaterial material, ServerTrust trust) {
		String name = material.id() + "+" + trust.id();
		REGISTERED.put(name, new Registered(material, trust));
		return name;
	}

	private record Registered(TlsMaterial material, ServerTrust trust) {

		SSLContext newContext() throws GeneralSecurityException {
			KeyManagerFactory keyManagers = this.material.keyManagers();
			KeyManager[] keys = (keyManagers != null) ? new KeyManager[] { AlwaysOfferedKeyManager.of(keyManagers) }
					: null;
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys, this.trust.trustManagers(this.material), null);
			return context;
		}

	}

}
