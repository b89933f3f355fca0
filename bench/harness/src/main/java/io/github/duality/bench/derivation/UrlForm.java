package io.github.duality.bench.derivation;

import java.nio.file.Path;

/**
 * A typical URL of each accepted form, all meaning one target: TLS verified against a root certificate where the
 * form can say so, credentials with characters that need encoding. Beside it, the same target written for each
 * driver's own parser, so the drivers parse what {@code derive} reads.
 */
public enum UrlForm {

	JDBC {
		@Override
		Input input(Path ca) {
			return new Input("jdbc:postgresql://db.internal.example:5432/orders?sslmode=verify-full&sslrootcert=" + ca
					+ "&ApplicationName=orders-api", "orders", PASSWORD, jdbc("verify-full", ca), r2dbc("verify-full", ca));
		}
	},

	LIBPQ {
		@Override
		Input input(Path ca) {
			return new Input("postgres://orders:" + ENCODED_PASSWORD + "@db.internal.example:5432/orders?sslmode=verify-full"
					+ "&sslrootcert=" + ca + "&application_name=orders-api", null, null, jdbc("verify-full", ca),
					r2dbc("verify-full", ca));
		}
	},

	SQLALCHEMY {
		@Override
		Input input(Path ca) {
			return new Input("postgresql+asyncpg://orders:" + ENCODED_PASSWORD + "@db.internal.example:5432/orders?ssl=require",
					null, null, jdbc("require", null), r2dbc("require", null));
		}
	},

	R2DBC {
		@Override
		Input input(Path ca) {
			return new Input(r2dbc("verify-full", ca), null, null, jdbc("verify-full", ca), r2dbc("verify-full", ca));
		}
	};

	private static final String PASSWORD = "s3cr@t:pw/1";

	private static final String ENCODED_PASSWORD = "s3cr%40t%3Apw%2F1";

	abstract Input input(Path ca);

	private static String jdbc(String sslMode, Path ca) {
		return "jdbc:postgresql://db.internal.example:5432/orders?user=orders&password=" + ENCODED_PASSWORD + "&sslmode="
				+ sslMode + ((ca != null) ? "&sslrootcert=" + ca : "") + "&ApplicationName=orders-api";
	}

	private static String r2dbc(String sslMode, Path ca) {
		return "r2dbc:postgresql://orders:" + ENCODED_PASSWORD + "@db.internal.example:5432/orders?sslMode=" + sslMode
				+ ((ca != null) ? "&sslRootCert=" + ca : "") + "&applicationName=orders-api";
	}

	/** What {@code derive} reads, and the same target in pgjdbc's and r2dbc's own syntax. */
	record Input(String url, String username, String password, String pgjdbcUrl, String r2dbcUrl) {

	}

}
