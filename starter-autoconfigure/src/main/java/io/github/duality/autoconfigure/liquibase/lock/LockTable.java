package io.github.duality.autoconfigure.liquibase.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Liquibase's own lock row ({@code DATABASECHANGELOGLOCK}, id 1), set and cleared exactly as plain Liquibase does, so
 * that instances without the session lock (an older release during a rollout) and ours exclude each other.
 */
final class LockTable {

	private final String name;

	/**
	 * @param name the table's name as Liquibase escapes it, schema-qualified
	 */
	LockTable(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	Row read(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select locked, lockedby, lockgranted from " + this.name + " where id = 1");
				ResultSet row = statement.executeQuery()) {
			return row.next() ? new Row(row.getBoolean(1), row.getString(2), row.getTimestamp(3))
					: new Row(false, null, null);
		}
	}

	/** Sets the row if it is free: atomic, like Liquibase's own update, so that at most one instance wins. */
	boolean lock(Connection connection, LockOwner owner) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("update " + this.name
				+ " set locked = true, lockgranted = now(), lockedby = ? where id = 1 and locked = false")) {
			statement.setString(1, owner.lockedBy());
			return statement.executeUpdate() == 1;
		}
	}

	/** Clears the row that {@code stale} describes, and only that one. */
	void clear(Connection connection, Row stale) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("update " + this.name
				+ " set locked = false, lockgranted = null, lockedby = null"
				+ " where id = 1 and locked and lockedby = ?")) {
			statement.setString(1, stale.lockedBy());
			statement.executeUpdate();
		}
	}

	String manualRelease() {
		return "UPDATE " + this.name + " SET locked = false, lockgranted = null, lockedby = null WHERE id = 1";
	}

	/**
	 * The lock row.
	 *
	 * @param locked whether it is set
	 * @param lockedBy who set it, as Liquibase or {@link LockOwner} wrote it
	 * @param granted when
	 */
	record Row(boolean locked, @Nullable String lockedBy, @Nullable Timestamp granted) {

		Optional<LockOwner> owner() {
			return LockOwner.parse(this.lockedBy);
		}

	}

}
