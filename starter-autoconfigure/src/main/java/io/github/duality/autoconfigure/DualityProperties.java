package io.github.duality.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Duality starter. The database itself is configured with Spring Boot's own
 * {@code spring.datasource.url}, {@code spring.datasource.username} and {@code spring.datasource.password}.
 */
@ConfigurationProperties("duality")
public class DualityProperties {

	/**
	 * Whether to derive the migration (JDBC, for Liquibase or Flyway) and application (R2DBC) paths from
	 * spring.datasource.url.
	 */
	private boolean enabled = true;

	private final Health health = new Health();

	private final Startup startup = new Startup();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Health getHealth() {
		return this.health;
	}

	public Startup getStartup() {
		return this.startup;
	}

	public static class Health {

		/**
		 * How long each database health check (migration and application path) may take before it reports DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
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
