package io.github.duality.core.parse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.duality.core.model.ConnectionFactoryOptionsReader;
import io.github.duality.core.model.Draft;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.QueryString;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.parameter.Parameter;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code r2dbc:postgresql://} URLs and their variants ({@code r2dbc:postgres:}, {@code r2dbcs:},
 * {@code r2dbc:pool:postgresql:}, {@code :failover}) with r2dbc-spi's own parser, so that every decoding rule (a
 * {@code +} in the user info or query is a space, the user info ends at the last {@code @}) is r2dbc's.
 */
public final class R2dbcUrlParser {

	private static final String HOST = Parameter.HOST.preferredName(ParameterFamily.R2DBC);

	private static final String PORT = Parameter.PORT.preferredName(ParameterFamily.R2DBC);

	private static final String USER = Parameter.USER.preferredName(ParameterFamily.R2DBC);

	private static final String PASSWORD = Parameter.PASSWORD.preferredName(ParameterFamily.R2DBC);

	private static final String DATABASE = Parameter.DATABASE.preferredName(ParameterFamily.R2DBC);

	private static final String DRIVER = Parameter.DRIVER.preferredName(ParameterFamily.R2DBC);

	private static final String PROTOCOL = Parameter.PROTOCOL.preferredName(ParameterFamily.R2DBC);

	private static final String FAILOVER = "failover";

	private R2dbcUrlParser() {
	}

	public static void parse(String url, Draft draft, List<String> notes) {
		ConnectionFactoryOptions options;
		try {
			options = ConnectionFactoryOptions.parse(url);
		}
		catch (RuntimeException ex) {
			// r2dbc-spi's messages quote the URL
			throw new InvalidConnectionUrlException("r2dbc-spi cannot parse this URL: " + Secrets.mask(ex.getMessage()),
					null,
					"Percent-encode '%', '#', '?', '/', '@', ':', '+' and spaces in the user name, password and "
							+ "values (r2dbc reads an unencoded '+' as a space and '#' as the end of the URL).");
		}
		QueryString query = QueryString.of(url);
		refuseRepeatedParameters(query);
		locatePassword(url, query, draft);
		Map<String, Object> values = new TreeMap<>(ConnectionFactoryOptionsReader.read(options));
		boolean failover = driverAndProtocol((String) values.remove(DRIVER), (String) values.remove(PROTOCOL),
				notes);
		Object host = values.remove(HOST);
		Object port = values.remove(PORT);
		Object user = values.remove(USER);
		Object password = values.remove(PASSWORD);
		Object database = values.remove(DATABASE);
		ParameterInterpreter interpreter = new ParameterInterpreter(ParameterFamily.R2DBC, draft, notes);
		Map<String, String> parameters = new TreeMap<>();
		values.forEach((name, value) -> parameters.put(name, String.valueOf(value)));
		interpreter.applyAll(parameters);
		draft.hosts(hosts((host != null) ? host.toString() : "", (Integer) port, failover, notes));
		if (user != null) {
			draft.user(user.toString(), "the user name in the URL (user@host)");
		}
		if (password != null) {
			draft.password(password.toString(), "the password in the URL (user:password@host)");
			if (password.toString().contains(" ") && url.contains("+")) {
				notes.add("r2dbc decodes '+' in the user info as a space, and so does duality for r2dbc URLs; write a "
						+ "literal '+' as %2B");
			}
		}
		if (database != null && !database.toString().isEmpty()) {
			draft.database(database.toString(), "the database in the URL path");
		}
	}

	/** r2dbc-spi keeps the last value of a repeated option: two different values are refused instead. */
	private static void refuseRepeatedParameters(QueryString query) {
		RepeatedParameters given = new RepeatedParameters(ParameterFamily.R2DBC);
		for (QueryString.Pair pair : query.pairs()) {
			if (pair.equals() > 0) {
				// r2dbc-spi decodes names and values, '+' as a space
				given.add(URLDecoder.decode(pair.name(), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.value(), StandardCharsets.UTF_8));
			}
		}
	}

	/**
	 * Where the password is written, for masking the input as given: from the user's ':' to the last '@' of the
	 * authority (r2dbc-spi ends the user info there), and as a password= option.
	 */
	private static void locatePassword(String url, QueryString query, Draft draft) {
		int authorityStart = url.indexOf("://") + 3;
		int authorityEnd = authorityStart;
		while (authorityEnd < url.length() && "/?".indexOf(url.charAt(authorityEnd)) < 0) {
			authorityEnd++;
		}
		int at = url.lastIndexOf('@', authorityEnd - 1);
		int colon = url.indexOf(':', authorityStart);
		if (at >= authorityStart && colon >= 0 && colon < at) {
			draft.secretAt(colon + 1, at);
		}
		for (QueryString.Pair pair : query.pairs()) {
			if (pair.equals() > 0 && URLDecoder.decode(pair.name(), StandardCharsets.UTF_8).equals(PASSWORD)) {
				draft.secretAt(pair.valueStart(), pair.end());
			}
		}
	}

	/** Whether the URL asks for r2dbc's failover protocol. */
	private static boolean driverAndProtocol(@Nullable String driver, @Nullable String protocol, List<String> notes) {
		String driverProtocol = protocol;
		if ("pool".equals(driver)) {
			notes.add("r2dbc:pool: prefix dropped: pooling is configured outside the URL");
			int colon = (protocol != null) ? protocol.indexOf(':') : -1;
			driver = (colon >= 0) ? protocol.substring(0, colon) : protocol;
			driverProtocol = (colon >= 0) ? protocol.substring(colon + 1) : null;
		}
		if (!"postgresql".equals(driver) && !"postgres".equals(driver)) {
			throw new InvalidConnectionUrlException(
					"The r2dbc driver " + MessageText.shown(String.valueOf(driver)) + " is not PostgreSQL.", DRIVER,
					"Use r2dbc:postgresql://.");
		}
		if (driverProtocol != null && !driverProtocol.equals(FAILOVER)) {
			throw new InvalidConnectionUrlException(
					"The r2dbc protocol " + MessageText.shown(driverProtocol) + " is unknown to r2dbc-postgresql.",
					PROTOCOL, "Use r2dbc:postgresql:failover:// for several hosts, or no protocol.");
		}
		return driverProtocol != null;
	}

	private static List<HostAndPort> hosts(String host, @Nullable Integer port, boolean failover, List<String> notes) {
		if (host.isEmpty()) {
			throw new InvalidConnectionUrlException("The URL names no host.", HOST,
					"Write the host: r2dbc:postgresql://user@host:5432/database.");
		}
		if (!failover) {
			if (host.startsWith("[") && host.endsWith("]")) {
				return List.of(new HostAndPort(host.substring(1, host.length() - 1), portOrDefault(port)));
			}
			if (host.contains(",")) {
				throw new InvalidConnectionUrlException("r2dbc reads a host list without its failover protocol as "
						+ "one host named " + MessageText.shown(host) + ".", HOST, "Write r2dbc:postgresql:failover://...");
			}
			if (host.contains(":")) {
				throw new InvalidConnectionUrlException("r2dbc-spi could not separate host and port in "
						+ MessageText.shown(host) + " (it cannot when the host name holds an '_'): r2dbc would look up "
						+ "a host of that name on port 5432.", HOST, "Use a host name without '_' (or its IP address).");
			}
			return List.of(new HostAndPort(host, portOrDefault(port)));
		}
		List<HostAndPort> hosts = new ArrayList<>();
		for (String entry : host.split(",")) {
			int colon = entry.indexOf(':');
			hosts.add((colon >= 0) ? new HostAndPort(entry.substring(0, colon),
					UrlSyntax.port(entry.substring(colon + 1), HOST)) : new HostAndPort(entry, portOrDefault(port)));
		}
		if (port != null) {
			notes.add("r2dbc's failover protocol rejects a single host with a port (" + hosts.get(0)
					+ "); it is written in a form r2dbc accepts");
		}
		return hosts;
	}

	/** r2dbc-spi takes any integer as a port; the driver fails on it only when it connects. */
	private static int portOrDefault(@Nullable Integer port) {
		return (port != null) ? UrlSyntax.port(port.toString(), PORT) : HostAndPort.DEFAULT_PORT;
	}

}
