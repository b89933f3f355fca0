package io.github.duality.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.duality.core.model.Draft;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.QueryString;
import io.github.duality.core.model.UrlForm;
import io.github.duality.core.parameter.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Reads libpq connection URIs ({@code postgres://}, {@code postgresql://}) and SQLAlchemy-style
 * {@code postgresql+driver://} URLs with libpq's rules: the user info ends at the first {@code @}, values are
 * percent-decoded and nothing else ({@code +} stays {@code +}), several hosts are separated by commas, IPv6
 * addresses are bracketed, and the query's {@code host}, {@code port}, {@code user}, {@code password} and
 * {@code dbname} keywords complete the URI.
 */
public final class LibpqUrlParser {

	private static final String HOST = Parameter.HOST.preferredName(ParameterFamily.LIBPQ);

	private static final String PORT = Parameter.PORT.preferredName(ParameterFamily.LIBPQ);

	private static final String DBNAME = Parameter.DATABASE.preferredName(ParameterFamily.LIBPQ);

	private static final String USER = Parameter.USER.preferredName(ParameterFamily.LIBPQ);

	private static final String PASSWORD = Parameter.PASSWORD.preferredName(ParameterFamily.LIBPQ);

	private LibpqUrlParser() {
	}

	public static void parse(String url, Draft draft, List<String> notes) {
		int schemeEnd = url.indexOf("://");
		String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
		int plus = scheme.indexOf('+');
		if (plus >= 0) {
			String driver = scheme.substring(plus + 1);
			if (!UrlForm.SQLALCHEMY_DRIVERS.contains(driver)) {
				throw new InvalidConnectionUrlException("The SQLAlchemy driver " + MessageText.shown(driver)
						+ " is not one whose URL duality knows.", null,
						"Use postgresql+asyncpg, +psycopg, +psycopg2, +pg8000 or a plain postgresql:// URL.");
			}
			notes.add("SQLAlchemy driver suffix +" + driver + " dropped; the URL is read with libpq's rules");
		}
		int restStart = schemeEnd + 3;
		String rest = url.substring(restStart);
		int firstSlash = rest.indexOf('/');
		int at = rest.indexOf('@');
		if (at >= 0 && (firstSlash < 0 || at < firstSlash)) {
			int colon = rest.indexOf(':');
			if (colon >= 0 && colon < at) {
				draft.secretAt(restStart + colon + 1, restStart + at);
			}
			userInfo(rest.substring(0, at), draft);
			rest = rest.substring(at + 1);
			restStart += at + 1;
		}
		int queryStart = rest.indexOf('?');
		String beforeQuery = (queryStart >= 0) ? rest.substring(0, queryStart) : rest;
		int pathStart = beforeQuery.indexOf('/');
		String authority = (pathStart >= 0) ? beforeQuery.substring(0, pathStart) : beforeQuery;
		if (pathStart >= 0 && pathStart < beforeQuery.length() - 1) {
			String path = beforeQuery.substring(pathStart + 1);
			boolean sqlalchemy = draft.form() == UrlForm.SQLALCHEMY;
			// SQLAlchemy's make_url decodes the user and password but not the database name
			draft.database(sqlalchemy ? path : UrlSyntax.percentDecode(path, "database name", DBNAME),
					"the database in the URL path");
			if (sqlalchemy && path.indexOf('%') >= 0) {
				notes.add("SQLAlchemy does not decode the database name: its '%' escapes are kept as written");
			}
		}
		List<String> hostEntries = new ArrayList<>();
		if (!authority.isEmpty()) {
			hostEntries.addAll(List.of(authority.split(",", -1)));
		}
		QueryString query = (queryStart >= 0) ? QueryString.of(url, restStart + queryStart + 1) : QueryString.NONE;
		Map<String, String> parameters = queryParameters(query, hostEntries, draft);
		String portList = parameters.remove(PORT);
		draft.hosts(hosts(hostEntries, portList));
		ParameterInterpreter interpreter = new ParameterInterpreter(ParameterFamily.LIBPQ, draft, notes);
		interpreter.applyAll(parameters);
	}

	private static void userInfo(String userInfo, Draft draft) {
		int colon = userInfo.indexOf(':');
		String user = (colon >= 0) ? userInfo.substring(0, colon) : userInfo;
		if (!user.isEmpty()) {
			draft.user(UrlSyntax.percentDecode(user, "user name", USER), "the user name in the URL (user@host)");
		}
		if (colon >= 0) {
			draft.password(UrlSyntax.percentDecode(userInfo.substring(colon + 1), PASSWORD, PASSWORD),
					"the password in the URL (user:password@host)");
		}
	}

	/**
	 * The decoded query, with {@code host} values (libpq's comma lists and SQLAlchemy's repeated {@code host=h:port})
	 * moved to the host entries. A keyword given twice with different values is an error.
	 */
	private static Map<String, String> queryParameters(QueryString query, List<String> hostEntries,
			Draft draft) {
		UrlForm form = draft.form();
		Map<String, String> parameters = new LinkedHashMap<>();
		boolean authorityHasHosts = !hostEntries.isEmpty();
		String hostParameter = null;
		for (QueryString.Pair queryPair : query.pairs()) {
			String pair = queryPair.text();
			int equals = queryPair.equals();
			if (equals <= 0) {
				throw withoutValue(pair);
			}
			String name = decodeQueryPart(pair.substring(0, equals), form, "parameter name", null);
			if (form == UrlForm.LIBPQ && pair.indexOf('=', equals + 1) >= 0) {
				// the value is not repeated: it may be a password
				throw new InvalidConnectionUrlException("The value of the parameter " + MessageText.shown(name) + " holds "
						+ "an unencoded '=', which libpq refuses (\"extra key/value separator\").",
						MessageText.isPlain(name) ? name : null, "Write an '=' inside a value as %3D.");
			}
			String value = decodeQueryPart(pair.substring(equals + 1), form, "value of " + name, name);
			if (name.equals(PASSWORD)) {
				draft.secretAt(queryPair.valueStart(), queryPair.end());
			}
			if (name.equals(HOST)) {
				// the entries stay encoded: each is decoded once, as a host, with the authority's
				String encoded = pair.substring(equals + 1);
				if (form == UrlForm.LIBPQ) {
					libpqHostParameter(value, hostParameter, authorityHasHosts);
					hostParameter = encoded;
				}
				else {
					hostParameter(value, authorityHasHosts);
					hostEntries.addAll(List.of(encoded.split(",", -1)));
				}
				continue;
			}
			String previous = parameters.putIfAbsent(name, value);
			if (previous != null && !previous.equals(value)) {
				throw new InvalidConnectionUrlException("The parameter " + MessageText.shown(name) + " is given twice with "
						+ "different values.", MessageText.isPlain(name) ? name : null, "Give it once.");
			}
		}
		if (hostParameter != null) {
			for (String host : hostParameter.split(",", -1)) {
				// what is left with a ':' is an IPv6 address, which host= takes without brackets
				hostEntries.add((host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host);
			}
		}
		return parameters;
	}

	/**
	 * SQLAlchemy reads the query with Python's parse_qsl, where a '+' is a space; libpq decodes %XX only.
	 */
	private static String decodeQueryPart(String text, UrlForm form, String what, @Nullable String parameter) {
		return UrlSyntax.percentDecode((form == UrlForm.SQLALCHEMY) ? text.replace('+', ' ') : text, what, parameter);
	}

	/**
	 * libpq's host keyword: a comma list of host names or addresses, without ports (those go in port=), and, like
	 * every keyword, kept only once: a second, different host= would silently replace the first.
	 */
	private static void libpqHostParameter(String value, @Nullable String previous, boolean authorityHasHosts) {
		if (previous != null && !previous.equals(value)) {
			throw new InvalidConnectionUrlException("host= is given twice with different values; libpq keeps only the "
					+ "last one.", HOST, "Give one host= with a comma-separated list (host=h1,h2&port=5432,5433), or "
							+ "write the hosts before the path (postgresql://user@h1:5432,h2:5433/database).");
		}
		for (String entry : value.split(",", -1)) {
			if (entry.startsWith("/") || entry.startsWith("@")) {
				throw unixSocket(entry);
			}
			if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
				throw new InvalidConnectionUrlException("libpq reads host=" + MessageText.shown(entry).replace("'", "")
						+ " as one host name, port included, and cannot resolve it.", HOST,
						"Give the port as port= (host=h1,h2&port=5432,5433); repeated host=h:port is SQLAlchemy's "
								+ "form, postgresql+psycopg2://...");
			}
		}
		if (authorityHasHosts) {
			throw new InvalidConnectionUrlException("Hosts are given both before the path and as host= parameters.",
					HOST, "Give the hosts in one place.");
		}
	}

	/** A query part without '=': named only when it is a known keyword, otherwise it may be part of a password. */
	private static InvalidConnectionUrlException withoutValue(String pair) {
		if (MessageText.isPlain(pair) && Parameter.find(ParameterFamily.LIBPQ, pair).isPresent()) {
			return new InvalidConnectionUrlException("The parameter '" + pair + "' has no value.", pair,
					"Write it as " + pair + "=value, or remove it.");
		}
		return new InvalidConnectionUrlException("A part of the URL query is not of the form name=value.", null,
				"Write each parameter as name=value, and an '&' inside a value as %26.");
	}

	private static void hostParameter(String value, boolean authorityHasHosts) {
		if (value.startsWith("/") || value.startsWith("@")) {
			throw unixSocket(value);
		}
		if (authorityHasHosts) {
			throw new InvalidConnectionUrlException("Hosts are given both before the path and as host= parameters.",
					HOST, "Give the hosts in one place.");
		}
	}

	private static InvalidConnectionUrlException unixSocket(String directory) {
		return new InvalidConnectionUrlException("The host " + directory + " names a Unix-domain socket directory, "
				+ "which pgjdbc cannot reach without a socket-factory library.", HOST,
				"Connect over TCP: postgresql://user@localhost:5432/database.");
	}

	private static List<HostAndPort> hosts(List<String> entries, @Nullable String portList) {
		if (entries.isEmpty()) {
			throw new InvalidConnectionUrlException("The URL names no host, which libpq reads as its default "
					+ "Unix-domain socket; pgjdbc cannot reach sockets without a socket-factory library.", HOST,
					"Write the host: postgresql://user@localhost:5432/database.");
		}
		String[] ports = (portList != null) ? portList.split(",", -1) : new String[0];
		if (ports.length > 1 && ports.length != entries.size()) {
			throw new InvalidConnectionUrlException("port= lists " + ports.length + " ports for " + entries.size()
					+ " hosts.", PORT, "Give one port for all hosts, or one per host.");
		}
		List<HostAndPort> hosts = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			String portParameter = (ports.length == 0) ? null : ports[(ports.length == 1) ? 0 : i];
			hosts.add(host(entries.get(i), portParameter));
		}
		return hosts;
	}

	private static HostAndPort host(String entry, @Nullable String portParameter) {
		String host;
		String port = null;
		if (entry.startsWith("[")) {
			int close = entry.indexOf(']');
			if (close < 0) {
				throw new InvalidConnectionUrlException(
						"The IPv6 address " + MessageText.shown(entry) + " has no closing ']'.", HOST,
						"Write it as [address] or [address]:port.");
			}
			host = UrlSyntax.percentDecode(entry.substring(1, close), "IPv6 address", HOST);
			String afterAddress = entry.substring(close + 1);
			if (afterAddress.startsWith(":")) {
				port = afterAddress.substring(1);
			}
			else if (!afterAddress.isEmpty()) {
				throw new InvalidConnectionUrlException(
						"Unexpected text after the IPv6 address " + MessageText.shown(entry) + ".", HOST,
						"Write it as [address] or [address]:port.");
			}
		}
		else {
			int colon = entry.indexOf(':');
			host = UrlSyntax.percentDecode((colon >= 0) ? entry.substring(0, colon) : entry, "host name", HOST);
			port = (colon >= 0) ? entry.substring(colon + 1) : null;
		}
		if (host.startsWith("/")) {
			throw unixSocket(host);
		}
		if (host.isEmpty()) {
			throw new InvalidConnectionUrlException("An entry of the host list is empty.", HOST,
					"Write every host, or remove the extra comma.");
		}
		if (port != null && portParameter != null && !port.equals(portParameter)) {
			throw new InvalidConnectionUrlException("The port of " + host + " is given twice with different values.",
					PORT, "Give it once.");
		}
		String effectivePort = (port != null && !port.isEmpty()) ? port : portParameter;
		return new HostAndPort(host,
				(effectivePort != null) ? UrlSyntax.port(effectivePort, PORT) : HostAndPort.DEFAULT_PORT);
	}

}
