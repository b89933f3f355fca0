package io.github.duality.core;

import java.util.Map;
import java.util.Properties;

/**
 * What pgjdbc needs: a URL that never holds credentials, plus connection properties (user, password, sslmode, ...).
 */
public final class JdbcTarget {

	private final String url;

	private final Properties properties;

	public JdbcTarget(String url, Properties properties) {
		this.url = url;
		this.properties = new Properties();
		this.properties.putAll(properties);
	}

	public String url() {
		return this.url;
	}

	/** A copy of the pgjdbc properties, password included, for handing to the driver. */
	public Properties properties() {
		Properties copy = new Properties();
		copy.putAll(this.properties);
		return copy;
	}

	public String user() {
		return this.properties.getProperty("user");
	}

	public String password() {
		return this.properties.getProperty("password");
	}

	/** The properties with secrets masked, sorted by name: safe to print. */
	public Map<String, String> maskedProperties() {
		return Secrets.maskedView(this.properties);
	}

	@Override
	public String toString() {
		return "JdbcTarget{url=" + this.url + ", properties=" + maskedProperties() + "}";
	}

}
