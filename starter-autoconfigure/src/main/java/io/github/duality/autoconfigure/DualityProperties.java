package io.github.duality.autoconfigure;

import java.time.Duration;

import io.github.duality.core.PoolerHint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Configuration of the Duality starter. The database itself is configured with Spring Boot's own
 * {@code spring.datasource.url}, {@code spring.datasource.username} and {@code spring.datasource.password}.
 * <p>
 * Each default is declared here once. Code that runs without this bean (conditions, post-processors, which exist
 * before configuration properties are bound, and failure analysis, which runs after the beans are gone) binds the
 * part it needs with the static methods below, which start from these defaults.
 */
@ConfigurationProperties(DualityProperties.PREFIX)
public class DualityProperties {

	static final String PREFIX = "duality";

	/**
	 * Whether to derive the migration (JDBC, for Liquibase or Flyway) and application (R2DBC) paths from
	 * spring.datasource.url.
	 */
	private boolean enabled = true;

	private final Health health = new Health();

	private final Startup startup = new Startup();

	private final Migration migration = new Migration();

	private final Ssl ssl = new Ssl();

	/**
	 * Whether a transaction-mode pooler is in front of spring.datasource.url: auto recognises one from the URL
	 * (pgbouncer=true, the pooler hosts of Neon, Supabase and Azure); transaction says so for any URL (a generic
	 * PgBouncer); none says there is none (the server itself, or a session-mode pooler). Migrations never go
	 * through a transaction pooler.
	 */
	private PoolerHint pooler = PoolerHint.AUTO;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public PoolerHint getPooler() {
		return this.pooler;
	}

	public void setPooler(PoolerHint pooler) {
		this.pooler = pooler;
	}

	public Health getHealth() {
		return this.health;
	}

	public Startup getStartup() {
		return this.startup;
	}

	public Migration getMigration() {
		return this.migration;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * {@code duality.pooler}, bound from the environment.
	 * @param environment the application's environment
	 * @return the pooler hint, this class's default when unset
	 */
	public static PoolerHint pooler(Environment environment) {
		return Binder.get(environment)
			.bind(PREFIX + ".pooler", PoolerHint.class)
			.orElseGet(() -> new DualityProperties().getPooler());
	}

	/**
	 * {@code duality.startup.*}, bound from the environment.
	 * @param environment the application's environment
	 * @return the startup properties, with this class's defaults for what is unset
	 */
	public static Startup startup(Environment environment) {
		return Binder.get(environment).bindOrCreate(PREFIX + ".startup", Startup.class);
	}

	public static class Ssl {

		/**
		 * Name of the Spring Boot SSL bundle (spring.ssl.bundle.pem.* or spring.ssl.bundle.jks.*) whose trust store
		 * checks the server certificate and whose key store, if any, supplies the client certificate, on both paths.
		 * The URL then names no sslrootcert, sslcert, sslkey or sslpassword, and sslmode defaults to verify-full.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	public static class Health {

		/**
		 * How long each database health check (migration and application path) may take before it reports DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		private final HealthMigration migration = new HealthMigration();

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public HealthMigration getMigration() {
			return this.migration;
		}

	}

	public static class HealthMigration {

		/**
		 * How long the migration health component reuses its last database check: probes in between get that
		 * result, so that a fleet's probes do not each open a TLS connection to a path the application does not use.
		 */
		private Duration interval = Duration.ofSeconds(30);

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	public static class Migration {

		/**
		 * When the migrations run: at startup, as a Job that migrates and exits, or never (a separate Job does).
		 */
		private MigrationMode mode = MigrationMode.STARTUP;

		/**
		 * The direct endpoint migrations use when spring.datasource.url goes through a transaction pooler, in any
		 * form spring.datasource.url accepts. What it leaves out (user, password, TLS files, session settings) comes
		 * from spring.datasource.url; it must name the same database, with TLS at least as strong.
		 */
		private @Nullable String url;

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public MigrationMode getMode() {
			return this.mode;
		}

		public void setMode(MigrationMode mode) {
			this.mode = mode;
		}

	}

	public static class Startup {

		/**
		 * How long to wait at startup for a database that is not reachable yet: the first connection of each path
		 * is retried with backoff, logging one line per attempt. Zero: no waiting.
		 */
		private Duration wait = Duration.ofSeconds(0);

		public Duration getWait() {
			return this.wait;
		}

		public void setWait(Duration wait) {
			this.wait = wait;
		}

	}

}
