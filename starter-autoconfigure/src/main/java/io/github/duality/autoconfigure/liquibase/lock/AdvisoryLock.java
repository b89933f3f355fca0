package io.github.duality.autoconfigure.liquibase.lock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * A session-level advisory lock: PostgreSQL releases it when the session ends, however the holding process died.
 * One guards each Liquibase lock table, another (a distinct key) the creation of each change-log table.
 */
final class AdvisoryLock {

	private static final String HOLDER = "select a.pid, a.usename, a.application_name, host(a.client_addr), "
			+ "a.backend_start, a.state from pg_locks l left join pg_stat_activity a on a.pid = l.pid "
			+ "where l.locktype = 'advisory' and l.granted and l.objsubid = 1 "
			+ "and l.database = (select oid from pg_database where datname = current_database()) "
			+ "and l.classid::bigint = ? and l.objid::bigint = ?";

	private final long key;

	private boolean held;

	private AdvisoryLock(String name) {
		this.key = keyOf(name.toLowerCase(Locale.ROOT));
	}

	static AdvisoryLock forLockTable(String lockTable) {
		return new AdvisoryLock("duality-liquibase-lock:" + lockTable);
	}

	static AdvisoryLock forChangeLogTable(String changeLogTable) {
		return new AdvisoryLock("duality-liquibase-changelog-init:" + changeLogTable);
	}

	/** Waits as long as another session holds it: held only while that session creates or upgrades a table. */
	void lock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
		this.held = true;
	}

	boolean tryLock(Connection connection) throws SQLException {
		this.held = queryBoolean(connection, "select pg_try_advisory_lock(?)");
		return this.held;
	}

	void unlock(Connection connection) throws SQLException {
		if (this.held) {
			this.held = false;
			queryBoolean(connection, "select pg_advisory_unlock(?)");
		}
	}

	/** The session holding the lock, as far as this role may see it. */
	Optional<String> holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER)) {
			// pg_locks splits a bigint key into two unsigned 32-bit halves
			statement.setLong(1, this.key >>> 32);
			statement.setLong(2, this.key & 0xFFFF_FFFFL);
			try (ResultSet holder = statement.executeQuery()) {
				if (!holder.next()) {
					return Optional.empty();
				}
				StringBuilder description = new StringBuilder("PostgreSQL session ").append(holder.getInt(1));
				appendIfPresent(description, "user ", holder.getString(2));
				appendIfPresent(description, "application '", holder.getString(3), "'");
				appendIfPresent(description, "client ", holder.getString(4));
				appendIfPresent(description, "connected since ", holder.getString(5));
				appendIfPresent(description, "", holder.getString(6));
				return Optional.of(description.toString());
			}
		}
	}

	private boolean queryBoolean(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	private static void appendIfPresent(StringBuilder description, String label, String value) {
		appendIfPresent(description, label, value, "");
	}

	private static void appendIfPresent(StringBuilder description, String label, String value, String suffix) {
		if (value != null && !value.isEmpty()) {
			description.append(", ").append(label).append(value).append(suffix);
		}
	}

	private static long keyOf(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
