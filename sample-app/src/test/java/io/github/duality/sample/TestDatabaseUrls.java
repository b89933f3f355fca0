package io.github.duality.sample;

import io.github.duality.testsupport.TestPostgres;

/**
 * The test PostgreSQL written in each form that {@code spring.datasource.url} accepts. Credentials in a URL are
 * percent-encoded, because the test password holds every character a URL gives a meaning to.
 */
final class TestDatabaseUrls {

	private TestDatabaseUrls() {
	}

	/** libpq / {@code DATABASE_URL} form, TLS verified against the test CA. */
	static String postgres(TestPostgres postgres) {
		return postgres.databaseUrl();
	}

	/** pgjdbc form: credentials go to {@code spring.datasource.username/password}, not into the URL. */
	static String jdbc(TestPostgres postgres) {
		return "jdbc:postgresql://" + address(postgres) + "?sslmode=verify-full&sslrootcert=" + caCertificate(postgres);
	}

	/** SQLAlchemy form, as a Python service next door would have it: TLS required, not verified. */
	static String asyncpg(TestPostgres postgres) {
		return "postgresql+asyncpg://" + userInfo(postgres) + "@" + address(postgres) + "?ssl=require";
	}

	/** R2DBC form, with r2dbc-postgresql's own parameter names. */
	static String r2dbc(TestPostgres postgres) {
		return "r2dbc:postgresql://" + userInfo(postgres) + "@" + address(postgres)
				+ "?sslMode=verify-full&sslRootCert=" + caCertificate(postgres);
	}

	/** The URL as it may be shown: the password replaced by {@code ****}. */
	static String masked(String url, TestPostgres postgres) {
		return url.replace(TestPostgres.percentEncode(postgres.password()), "****");
	}

	private static String userInfo(TestPostgres postgres) {
		return TestPostgres.percentEncode(postgres.username()) + ":" + TestPostgres.percentEncode(postgres.password());
	}

	private static String address(TestPostgres postgres) {
		return postgres.host() + ":" + postgres.port() + "/" + postgres.database();
	}

	private static String caCertificate(TestPostgres postgres) {
		return TestPostgres.percentEncode(postgres.caCertificate().toAbsolutePath().toString()).replace("%2F", "/");
	}

}
