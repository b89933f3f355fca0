package io.github.duality.bench;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the hand-wired and naive apps are given instead of one {@code DATABASE_URL}: a pgjdbc URL and an R2DBC URL
 * with the same TLS settings, as a user writes them, and the credentials beside them. Written from a single-host
 * libpq URL whose only parameters are {@code sslmode} and {@code sslrootcert}; anything else would need a
 * translation this harness does not pretend to make.
 */
record HandWrittenUrls(String jdbcUrl, String r2dbcUrl, String username, String password) {

	private static final Set<String> CARRIED_PARAMETERS = Set.of("sslmode", "sslrootcert");

	static HandWrittenUrls fromLibpqUrl(String databaseUrl) {
		URI uri = URI.create(databaseUrl);
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalArgumentException("DATABASE_URL must be a libpq URL (postgres://user:password@host:port/db)");
		}
		String userInfo = uri.getRawUserInfo();
		if (userInfo == null || !userInfo.contains(":") || uri.getHost() == null) {
			throw new IllegalArgumentException("DATABASE_URL must name one host, a user and a password");
		}
		Map<String, String> parameters = parameters(uri.getRawQuery());
		parameters.keySet().stream().filter((name) -> !CARRIED_PARAMETERS.contains(name)).findFirst().ifPresent((name) -> {
			throw new IllegalArgumentException("DATABASE_URL parameter '" + name + "' is not carried to the hand-written "
					+ "URLs; bench/run accepts only " + CARRIED_PARAMETERS);
		});
		int colon = userInfo.indexOf(':');
		int port = (uri.getPort() != -1) ? uri.getPort() : 5432;
		return of(uri.getHost(), port, uri.getPath().substring(1), decode(userInfo.substring(0, colon)),
				decode(userInfo.substring(colon + 1)), parameters.getOrDefault("sslmode", "prefer"),
				parameters.get("sslrootcert"));
	}

	static HandWrittenUrls of(String host, int port, String database, String username, String password,
			String sslMode, String sslRootCert) {
		String address = "//" + host + ":" + port + "/" + database;
		String rootCert = (sslRootCert != null) ? encode(sslRootCert) : null;
		String jdbc = "jdbc:postgresql:" + address + "?sslmode=" + sslMode
				+ ((rootCert != null) ? "&sslrootcert=" + rootCert : "");
		String r2dbc = "r2dbc:postgresql:" + address + "?sslMode=" + sslMode
				+ ((rootCert != null) ? "&sslRootCert=" + rootCert : "");
		return new HandWrittenUrls(jdbc, r2dbc, username, password);
	}

	private static Map<String, String> parameters(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				parameters.put(pair.substring(0, Math.max(equals, 0)), decode(pair.substring(equals + 1)));
			}
		}
		return parameters;
	}

	// libpq decodes %XX only: a '+' stays a '+'
	private static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static String encode(String path) {
		return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
	}

	@Override
	public String toString() {
		return "HandWrittenUrls[jdbc=" + this.jdbcUrl + ", r2dbc=" + this.r2dbcUrl + ", user=" + this.username + "]";
	}

}
