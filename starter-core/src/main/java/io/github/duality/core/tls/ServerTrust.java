package io.github.duality.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGProperty;

/**
 * How the pgjdbc path checks the server certificate when it runs on Duality's SSL factory: as pgjdbc's own
 * {@code LibPQFactory} would for the same {@code sslmode} and trust anchors.
 */
public abstract sealed class ServerTrust {

	private ServerTrust() {
	}

	/** The CA certificates of a PEM file, read now. */
	public static ServerTrust anchorsIn(Path pemFile) {
		try {
			byte[] content = Files.readAllBytes(pemFile);
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			int index = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(content))) {
				store.setCertificateEntry("anchor-" + index++, certificate);
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return new Anchors(pemFile.toString(), factory.getTrustManagers());
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new KeyFileException(PGProperty.SSL_ROOT_CERT.getName(),
					"The root certificate file " + pemFile + " cannot be read: " + ex.getMessage(),
					"Give a PEM file of the CA certificates that signed the server's certificate.");
		}
	}

	/** The JDK's default trust store, as pgjdbc's {@code DefaultJavaSSLFactory} and r2dbc use it. */
	public static ServerTrust jdkDefault() {
		return new JdkDefault();
	}

	/** No check, as pgjdbc does for {@code sslmode} {@code require}, {@code prefer} and {@code allow}. */
	public static ServerTrust unchecked() {
		return new Unchecked();
	}

	/** The trust managers of the material itself (an SSL bundle's trust store), asked for each connection. */
	public static ServerTrust ofMaterial() {
		return new OfMaterial();
	}

	/** The trust managers for one new connection; {@code null} for the JDK's default. */
	abstract TrustManager @Nullable [] trustManagers(TlsMaterial material);

	/** What distinguishes it in {@code sslfactoryarg}. */
	abstract String id();

	private static final class Anchors extends ServerTrust {

		private final String file;

		private final TrustManager[] trustManagers;

		Anchors(String file, TrustManager[] trustManagers) {
			this.file = file;
			this.trustManagers = trustManagers;
		}

		@Override
		TrustManager[] trustManagers(TlsMaterial material) {
			return this.trustManagers;
		}

		@Override
		String id() {
			return "anchors:" + this.file;
		}

	}

	private static final class JdkDefault extends ServerTrust {

		@Override
		TrustManager @Nullable [] trustManagers(TlsMaterial material) {
			return null;
		}

		@Override
		String id() {
			return "jdk";
		}

	}

	private static final class Unchecked extends ServerTrust {

		private static final TrustManager[] ACCEPT_ANY = { new X509TrustManager() {

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}

		} };

		@Override
		TrustManager[] trustManagers(TlsMaterial material) {
			return ACCEPT_ANY;
		}

		@Override
		String id() {
			return "unchecked";
		}

	}

	private static final class OfMaterial extends ServerTrust {

		@Override
		TrustManager @Nullable [] trustManagers(TlsMaterial material) {
			TrustManagerFactory factory = material.trustManagers();
			return (factory != null) ? factory.getTrustManagers() : null;
		}

		@Override
		String id() {
			return "material";
		}

	}
}
