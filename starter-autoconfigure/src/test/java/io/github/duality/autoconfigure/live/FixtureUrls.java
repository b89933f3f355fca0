package io.github.duality.autoconfigure.live;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.github.duality.testsupport.TestPostgres;

/**
 * URLs for the test PostgreSQL, in the libpq form a DATABASE_URL has, with TLS verified against its CA.
 */
final class FixtureUrls {

	private FixtureUrls() {
	}

	static TestPostgres postgres() {
		return TestPostgres.get();
	}

	/** {@code postgres://role:password@host:port/db?sslmode=verify-full&sslrootcert=ca}, libpq-encoded. */
	static String databaseUrl() {
		TestPostgres postgres = postgres();
		return "postgres://" + encode(postgres.username()) + ":" + encode(postgres.password()) + "@" + postgres.host()
				+ ":" + postgres.port() + "/" + postgres.database() + "?sslmode=verify-full&sslrootcert="
				+ encode(postgres.caCertificate().toString());
	}

	/** Percent-encoding as libpq decodes it: {@code %20} for a space, never {@code +}. */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
