package io.github.duality.autoconfigure;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * A migration tool (Liquibase, Flyway) as the starter works with it: the bean that migrates and its DataSource, its
 * properties and connection details, its history table and what it has not applied yet. The startup line, the
 * startup wait, the migration session, health and the pending migrations are written once against this, and each
 * tool says here, once, how it differs. An instance refers to its tool's classes: only a configuration conditional on
 * them reaches it.
 *
 * @param <T> the tool's bean that migrates (Liquibase) or is configured to (Flyway) when initialized
 */
public abstract class MigrationTool<T> {

	private final String name;

	private final Class<T> type;

	private final int order;

	/**
	 * @param name the tool's name, e.g. {@code Liquibase}
	 * @param type the tool's bean that migrates, or is configured to, when initialized
	 * @param order the tool's place in the startup line and in health
	 */
	protected MigrationTool(String name, Class<T> type, int order) {
		this.name = name;
		this.type = type;
		this.order = order;
	}

	/** The tool's name, e.g. {@code Liquibase}. */
	public final String name() {
		return this.name;
	}

	/** The key of the tool's health details, run records and metrics, e.g. {@code liquibase}. */
	public final String key() {
		return this.name.toLowerCase(Locale.ROOT);
	}

	/** The prefix of Boot's properties for the tool, e.g. {@code spring.liquibase}. */
	public final String propertyPrefix() {
		return "spring." + key();
	}

	/** Boot's property naming the role the tool connects as, e.g. {@code spring.liquibase.user}. */
	public final String userProperty() {
		return propertyPrefix() + ".user";
	}

	public final Class<T> type() {
		return this.type;
	}

	public final int order() {
		return this.order;
	}

	/** The DataSource the tool will migrate over, or {@code null} when it has none. */
	public abstract @Nullable DataSource dataSource(T tool);

	/** Has the tool migrate over another DataSource (one that wraps its own). */
	public abstract void useDataSource(T tool, DataSource dataSource);

	/** Duality's connection details for the tool, the derived migration target. */
	public abstract Class<? extends MigrationTargetDetails> derivedDetailsType();

	/** The beans that configure the tool by hand, in the order Boot gives them precedence. */
	public abstract List<Class<?>> explicitTypes();

	/**
	 * How the tool connects, from its connection details bean (Duality's or another), or {@code null} when it has
	 * none or they give no URL (Boot then uses the DataSource bean).
	 */
	public abstract @Nullable JdbcLogin connection(ListableBeanFactory beanFactory);

	/** The schema of the tool's history table as its properties name it, or {@code null} for the current schema. */
	public abstract @Nullable String historySchema(Binder binder);

	/** The name of the tool's history table as its properties name it (unquoted, as the tool creates it). */
	public abstract String historyTable(Binder binder);

	/**
	 * A query on the resolved history table giving, in one row, the number applied and the last one applied (or
	 * null).
	 */
	public abstract String appliedAndLast(String table);

	/**
	 * What the tool has not applied yet, read by the tool itself over its own DataSource, without taking its lock.
	 * @return the change sets or migrations in the order the tool would apply them
	 * @throws Exception when the tool cannot read its history
	 */
	public abstract List<String> pending(T tool) throws Exception;

	/**
	 * A tool's JDBC URL and the role it logs in as, as its connection details give them.
	 *
	 * @param jdbcUrl the URL
	 * @param username the role, or {@code null}
	 * @param password the role's password, or {@code null}
	 */
	public record JdbcLogin(String jdbcUrl, @Nullable String username, @Nullable String password) {

		/** The connection of details whose URL may be unset. */
		public static @Nullable JdbcLogin of(@Nullable String jdbcUrl, @Nullable String username,
				@Nullable String password) {
			return (jdbcUrl != null) ? new JdbcLogin(jdbcUrl, username, password) : null;
		}

		/** The URL without its query, the only place a pgjdbc URL can hold a password: safe to show. */
		public String urlWithoutQuery() {
			int query = this.jdbcUrl.indexOf('?');
			return (query < 0) ? this.jdbcUrl : this.jdbcUrl.substring(0, query);
		}

		/** Without the password, and without the URL's query, which may hold one. */
		@Override
		public String toString() {
			return urlWithoutQuery() + " as " + this.username;
		}

	}

}
