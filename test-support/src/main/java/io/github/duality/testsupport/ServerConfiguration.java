package io.github.duality.testsupport;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What makes the test server production-like, shared by the local cluster and the container.
 */
final class ServerConfiguration {

	/** The bootstrap superuser; it authenticates with scram-sha-256 over TCP like everybody else. */
	static final String SUPERUSER = "postgres";

	/** A loopback address the server also listens on but that no server certificate names. */
	static final String HOST_NOT_IN_CERTIFICATE = "127.0.0.2";

	/** A role that the first {@code pg_hba.conf} rule rejects from everywhere, as a DBA's {@code reject} line does. */
	static final String ROLE_REJECTED_BY_HBA = "duality_rejected";

	/**
	 * {@code pg_hba.conf} rules for TCP: {@link #ROLE_REJECTED_BY_HBA} rejected before any other rule is reached; the
	 * client-certificate role by its certificate alone, over TLS; everybody else scram-sha-256 with and without TLS, so
	 * that clients choose the TLS mode ({@code sslmode=disable} included) but never a weaker authentication.
	 */
	static final String TCP_AUTHENTICATION_RULES = """
			host       all  duality_rejected  all  reject
			hostssl    all  duality_cert  all  cert
			hostssl    all  all  all  scram-sha-256
			hostnossl  all  all  all  scram-sha-256
			""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ServerConfiguration() {
	}

	/**
	 * The server settings, in {@code postgresql.conf} terms.
	 * @param hbaFile the {@code pg_hba.conf} to use
	 * @param certificateFile the server certificate (PEM)
	 * @param keyFile the server's private key (PEM), readable by the server's account only
	 * @param clientCaFile the CA client certificates are checked against
	 * @return setting names and values, in a stable order
	 */
	static Map<String, String> settings(String hbaFile, String certificateFile, String keyFile, String clientCaFile) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("hba_file", hbaFile);
		settings.put("ssl", "on");
		settings.put("ssl_cert_file", certificateFile);
		settings.put("ssl_key_file", keyFile);
		settings.put("ssl_ca_file", clientCaFile);
		settings.put("password_encryption", "scram-sha-256");
		// a throwaway server: durability would only slow the tests down
		settings.put("fsync", "off");
		return settings;
	}

	static String randomPassword() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
