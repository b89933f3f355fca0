package io.github.duality.autoconfigure.liquibase.lock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds the lock row: a host and the PostgreSQL session (backend pid and start) that locked it. Written into
 * {@code LOCKEDBY}, it makes a row left by a killed instance provably stale: its session is gone from
 * {@code pg_stat_activity}. Rows without it come from plain Liquibase and cannot be judged.
 *
 * @param host the instance's host name (the pod name in Kubernetes)
 * @param pid the backend pid of the migration session
 * @param sessionStart the session's {@code backend_start}, in epoch milliseconds (pids are reused)
 */
record LockOwner(String host, int pid, long sessionStart) {

	private static final Pattern MARKER = Pattern.compile("^(.*) \\(Duality session (\\d+) since (\\d+)\\)$");

	private static final String SESSION_START = "(extract(epoch from backend_start) * 1000)::bigint";

	// LOCKEDBY is varchar(255)
	private static final int MAX_HOST_LENGTH = 160;

	static LockOwner of(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"select pid, " + SESSION_START + " from pg_stat_activity where pid = pg_backend_pid()");
				ResultSet session = statement.executeQuery()) {
			session.next();
			return new LockOwner(localHost(), session.getInt(1), session.getLong(2));
		}
	}

	static Optional<LockOwner> parse(String lockedBy) {
		Matcher marker = (lockedBy != null) ? MARKER.matcher(lockedBy) : null;
		if (marker == null || !marker.matches()) {
			return Optional.empty();
		}
		return Optional.of(new LockOwner(marker.group(1), Integer.parseInt(marker.group(2)),
				Long.parseLong(marker.group(3))));
	}

	String lockedBy() {
		return this.host + " (Duality session " + this.pid + " since " + this.sessionStart + ")";
	}

	/** Whether the session is still connected; a reused pid has another start (invisible to other roles). */
	boolean isConnected(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select count(*) from pg_stat_activity "
				+ "where pid = ? and (backend_start is null or " + SESSION_START + " = ?)")) {
			statement.setInt(1, this.pid);
			statement.setLong(2, this.sessionStart);
			try (ResultSet count = statement.executeQuery()) {
				count.next();
				return count.getLong(1) > 0;
			}
		}
	}

	private static String localHost() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				host = "unknown host";
			}
		}
		return (host.length() > MAX_HOST_LENGTH) ? host.substring(0, MAX_HOST_LENGTH) : host;
	}

}
