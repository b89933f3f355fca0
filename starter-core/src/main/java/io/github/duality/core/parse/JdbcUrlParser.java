package io.github.duality.core.parse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.duality.core.model.Draft;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.QueryString;
import io.github.duality.core.model.UrlForm;
import io.github.duality.core.parameter.Parameter;
import org.postgresql.Driver;

/**
 * Reads {@code jdbc:postgresql:} URLs with pgjdbc's own parser, so that every decoding rule (form-decoding of values
 * and the database, {@code host}/{@code port}/{@code dbname} overrides, the last of a repeated key wins) is pgjdbc's.
 */
public final class JdbcUrlParser {

	private static final String PGHOST = Parameter.HOST.preferredName(ParameterFamily.PGJDBC);

	private static final String PGPORT = Parameter.PORT.preferredName(ParameterFamily.PGJDBC);

	private static final String PGDBNAME = Parameter.DATABASE.preferredName(ParameterFamily.PGJDBC);

	private static final String PASSWORD = Parameter.PASSWORD.preferredName(ParameterFamily.PGJDBC);

	/** pgjdbc lets the query replace the host, port and database, named there as libpq names them. */
	private static final String QUERY_HOST = Parameter.HOST.preferredName(ParameterFamily.LIBPQ);

	private static final String QUERY_PORT = Parameter.PORT.preferredName(ParameterFamily.LIBPQ);

	private static final String QUERY_DBNAME = Parameter.DATABASE.preferredName(ParameterFamily.LIBPQ);

	private static final String SERVICE = Parameter.SERVICE.preferredName(ParameterFamily.PGJDBC);

	private static final String URL_SHAPE = "jdbc:postgresql://host[:port][,host2[:port2]]/database?name=value";

	private JdbcUrlParser() {
	}

	public static void parse(String url, Draft draft, List<String> notes) {
		ParameterInterpreter interpreter = new ParameterInterpreter(ParameterFamily.PGJDBC, draft, notes);
		QueryString query = QueryString.of(url);
		refuseWhatPgjdbcWouldLog(url, query);
		refuseServiceLookUp(query, interpreter);
		refuseRepeatedParameters(url, query);
		locatePassword(query, draft);
		Properties properties = Driver.parseURL(url, null);
		if (properties == null) {
			throw new InvalidConnectionUrlException("pgjdbc cannot parse this URL (more than one '/' after the hosts, "
					+ "a malformed %-escape or an empty port?).", null, "Write it as " + URL_SHAPE
							+ ", with '/' in the database written %2F and '%' written %25.");
		}
		Map<String, String> parameters = new TreeMap<>();
		properties.stringPropertyNames().forEach((name) -> parameters.put(name, properties.getProperty(name)));
		List<HostAndPort> hosts = hosts(parameters.remove(PGHOST), parameters.remove(PGPORT));
		draft.hosts(hosts);
		if (!url.startsWith(UrlForm.PGJDBC_PREFIX + "//")) {
			notes.add("no host in the URL: " + hosts.get(0) + " (pgjdbc's default)");
		}
		String database = parameters.remove(PGDBNAME);
		if (database != null && !database.isEmpty()) {
			draft.database(database, "the database in the URL path");
		}
		interpreter.applyAll(parameters);
	}

	/**
	 * pgjdbc logs the rejected part of a URL, and for user info or a malformed %-escape in a value that can be a
	 * password: refuse these shapes before pgjdbc sees them.
	 */
	private static void refuseWhatPgjdbcWouldLog(String url, QueryString query) {
		int queryStart = url.indexOf('?');
		String server = (queryStart >= 0) ? url.substring(0, queryStart) : url;
		if (url.startsWith(UrlForm.PGJDBC_PREFIX + "//")) {
			String afterSlashes = url.substring(UrlForm.PGJDBC_PREFIX.length() + 2);
			int pathStart = server.indexOf('/', UrlForm.PGJDBC_PREFIX.length() + 2);
			if (server.contains("@") || firstSegment(afterSlashes).contains("@")) {
				throw new InvalidConnectionUrlException("pgjdbc URLs cannot carry user:password@ before the host.",
						PASSWORD, "Give the user and password as spring.datasource.username and .password (or as "
								+ "?user=...&password=... with the password percent-encoded); write an '@' in the "
								+ "database name as %40.");
			}
			if (pathStart < 0) {
				throw new InvalidConnectionUrlException("pgjdbc needs a '/' after the host list, even without a "
						+ "database.", null, "Write it as " + URL_SHAPE + " (jdbc:postgresql://host/ at least).");
			}
			if (server.indexOf('/', pathStart + 1) >= 0) {
				throw new InvalidConnectionUrlException("pgjdbc URLs take exactly one '/' after the host list.",
						PGDBNAME, "Write a '/' inside the database name as %2F.");
			}
			requireFormDecodable(server.substring(pathStart + 1), "database name", PGDBNAME);
		}
		for (QueryString.Pair pair : query.pairs()) {
			if (pair.equals() > 0) {
				requireFormDecodable(pair.value(), "value of " + pair.name(), pair.name());
			}
		}
	}

	/**
	 * pgjdbc keeps the last value of a repeated name, and lets the query's {@code host}, {@code port} and
	 * {@code dbname} replace what the URL names before it: a second, different value is refused, never chosen in
	 * silence ({@code sslmode=verify-full&sslmode=disable} would run in plain text).
	 */
	private static void refuseRepeatedParameters(String url, QueryString query) {
		int queryStart = url.indexOf('?');
		if (queryStart < 0) {
			return;
		}
		RepeatedParameters given = new RepeatedParameters(ParameterFamily.PGJDBC);
		for (QueryString.Pair pair : query.pairs()) {
			if (!pair.text().isEmpty()) {
				given.add(pair.name(), URLDecoder.decode(pair.value(), StandardCharsets.UTF_8));
			}
		}
		// a second parse of the URL, only when the query names what it could replace
		if (url.startsWith(UrlForm.PGJDBC_PREFIX + "//")
				&& Stream.of(QUERY_HOST, QUERY_PORT, QUERY_DBNAME).anyMatch(given::gives)) {
			Properties beforeQuery = Driver.parseURL(url.substring(0, queryStart), null);
			if (beforeQuery != null) {
				String authority = url.substring(UrlForm.PGJDBC_PREFIX.length() + 2, url.indexOf('/', UrlForm.PGJDBC_PREFIX.length() + 2));
				if (!authority.isEmpty()) {
					given.alsoGivenBeforeQuery(QUERY_HOST, beforeQuery.getProperty(PGHOST));
				}
				if (authority.replaceAll("\\[[^]]*]", "").contains(":")) {
					given.alsoGivenBeforeQuery(QUERY_PORT, beforeQuery.getProperty(PGPORT));
				}
				String database = beforeQuery.getProperty(PGDBNAME, "");
				if (!database.isEmpty()) {
					given.alsoGivenBeforeQuery(QUERY_DBNAME, database);
				}
			}
		}
	}

	/** Where the password is written, for masking the input as given; pgjdbc does not decode names. */
	private static void locatePassword(QueryString query, Draft draft) {
		for (QueryString.Pair pair : query.pairs()) {
			if (pair.equals() >= 0 && pair.name().equals(PASSWORD)) {
				draft.secretAt(pair.valueStart(), pair.end());
			}
		}
	}

	private static void requireFormDecodable(String text, String what, String parameter) {
		try {
			URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConnectionUrlException("The " + what + " holds a '%' that does not start a valid %XX "
					+ "escape.", parameter, "Write a literal '%' as %25.");
		}
	}

	/**
	 * pgjdbc resolves {@code service=} from pg_service.conf while parsing, and fails without a word when the service
	 * is not there: refuse it first (it is refused anyway) so the message says why.
	 */
	private static void refuseServiceLookUp(QueryString query, ParameterInterpreter interpreter) {
		for (QueryString.Pair pair : query.pairs()) {
			if (pair.name().equals(SERVICE)) {
				interpreter.apply(SERVICE, pair.value());
			}
		}
	}

	/** Up to the first '/', where an unencoded '?' in a password would otherwise hide an '@' from the check. */
	private static String firstSegment(String afterSlashes) {
		int slash = afterSlashes.indexOf('/');
		return (slash >= 0) ? afterSlashes.substring(0, slash) : afterSlashes;
	}

	private static List<HostAndPort> hosts(String hostList, String portList) {
		String[] hosts = hostList.split(",", -1);
		String[] ports = portList.split(",", -1);
		List<HostAndPort> addresses = new ArrayList<>();
		for (int i = 0; i < hosts.length; i++) {
			String host = hosts[i];
			if (host.startsWith("[") && host.endsWith("]")) {
				// a zone id written as URIs write it (RFC 6874: fe80::1%25eth0), which pgjdbc keeps encoded
				host = host.substring(1, host.length() - 1).replace("%25", "%");
			}
			addresses.add(new HostAndPort(host, UrlSyntax.port(ports[i], PGPORT)));
		}
		return addresses;
	}

}
