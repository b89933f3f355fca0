package io.github.duality.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * What one input URL means, independent of either driver: the validated, immutable model both targets are rendered
 * from. Its {@link #toString()} masks every secret.
 */
public final class ConnectionSpec {

	private final UrlForm form;

	private final List<HostAndPort> hosts;

	private final String database;

	private final String user;

	private final @Nullable String password;

	private final SslMode sslMode;

	private final @Nullable String sslRootCert;

	private final @Nullable String sslCert;

	private final @Nullable String sslKey;

	private final boolean directSslNegotiation;

	private final @Nullable String channelBinding;

	private final @Nullable String schema;

	private final @Nullable String applicationName;

	private final Map<String, String> sessionSettings;

	private final @Nullable Duration connectTimeout;

	private final TargetServerType targetServerType;

	private final boolean loadBalanceHosts;

	private final @Nullable Duration hostRecheck;

	private final @Nullable Boolean tcpKeepAlive;

	private final @Nullable Boolean tcpNoDelay;

	private final @Nullable Integer preparedStatementCacheQueries;

	private final Map<String, String> pgjdbcOnly;

	private final Map<String, String> r2dbcOnly;

	private ConnectionSpec(Builder builder) {
		this.form = builder.form;
		this.hosts = List.copyOf(builder.hosts);
		this.database = builder.database.value;
		this.user = builder.user.value;
		this.password = builder.password.value;
		this.sslMode = builder.sslMode.value;
		this.sslRootCert = builder.sslRootCert;
		this.sslCert = builder.sslCert;
		this.sslKey = builder.sslKey;
		this.directSslNegotiation = builder.directSslNegotiation;
		this.channelBinding = builder.channelBinding;
		this.schema = builder.schema.value;
		this.applicationName = builder.applicationName.value;
		this.sessionSettings = Collections.unmodifiableMap(new LinkedHashMap<>(builder.sessionSettings));
		this.connectTimeout = builder.connectTimeout;
		this.targetServerType = builder.targetServerType;
		this.loadBalanceHosts = builder.loadBalanceHosts;
		this.hostRecheck = builder.hostRecheck;
		this.tcpKeepAlive = builder.tcpKeepAlive;
		this.tcpNoDelay = builder.tcpNoDelay;
		this.preparedStatementCacheQueries = builder.preparedStatementCacheQueries;
		this.pgjdbcOnly = Collections.unmodifiableMap(new LinkedHashMap<>(builder.pgjdbcOnly));
		this.r2dbcOnly = Collections.unmodifiableMap(new LinkedHashMap<>(builder.r2dbcOnly));
	}

	/** The form the input was written in. */
	public UrlForm form() {
		return this.form;
	}

	/** The servers, in the input's order; never empty. */
	public List<HostAndPort> hosts() {
		return this.hosts;
	}

	public String database() {
		return this.database;
	}

	public String user() {
		return this.user;
	}

	/** The password, or {@code null} when the server needs none (trust, certificate authentication). */
	public @Nullable String password() {
		return this.password;
	}

	/** The effective TLS mode, written explicitly on both paths. */
	public SslMode sslMode() {
		return this.sslMode;
	}

	/**
	 * The PEM file of the trust anchors; {@code null} with a verifying {@link #sslMode()} means the JDK's default
	 * trust store.
	 */
	public @Nullable String sslRootCert() {
		return this.sslRootCert;
	}

	/** The PEM client certificate file, or {@code null}. */
	public @Nullable String sslCert() {
		return this.sslCert;
	}

	/** The PEM PKCS#8 client key file, or {@code null}. */
	public @Nullable String sslKey() {
		return this.sslKey;
	}

	/** Whether TLS starts directly (PostgreSQL 17 {@code sslnegotiation=direct}) instead of by request. */
	public boolean directSslNegotiation() {
		return this.directSslNegotiation;
	}

	/** {@code disable}, {@code prefer} or {@code require}; {@code null} for the drivers' default (prefer). */
	public @Nullable String channelBinding() {
		return this.channelBinding;
	}

	/** The {@code search_path}, or {@code null} for the server's default. */
	public @Nullable String schema() {
		return this.schema;
	}

	/** The application name, or {@code null} for each driver's own default. */
	public @Nullable String applicationName() {
		return this.applicationName;
	}

	/** Other session settings sent at connection start ({@code -c name=value}), in the input's order. */
	public Map<String, String> sessionSettings() {
		return this.sessionSettings;
	}

	/** The timeout of a connection attempt; {@code null} for the drivers' defaults, {@link Duration#ZERO} for none. */
	public @Nullable Duration connectTimeout() {
		return this.connectTimeout;
	}

	/** Which server the application's connections accept; migrations always use the primary. */
	public TargetServerType targetServerType() {
		return this.targetServerType;
	}

	public boolean loadBalanceHosts() {
		return this.loadBalanceHosts;
	}

	/** How long a host's primary/standby status is trusted, or {@code null} for the drivers' defaults. */
	public @Nullable Duration hostRecheck() {
		return this.hostRecheck;
	}

	public @Nullable Boolean tcpKeepAlive() {
		return this.tcpKeepAlive;
	}

	public @Nullable Boolean tcpNoDelay() {
		return this.tcpNoDelay;
	}

	public @Nullable Integer preparedStatementCacheQueries() {
		return this.preparedStatementCacheQueries;
	}

	/** pgjdbc properties that stay on the JDBC path, as given. */
	public Map<String, String> pgjdbcOnly() {
		return this.pgjdbcOnly;
	}

	/** r2dbc options that stay on the R2DBC path, as given. */
	public Map<String, String> r2dbcOnly() {
		return this.r2dbcOnly;
	}

	/** Whether r2dbc needs its failover protocol: several hosts, or a host selection it only honours there. */
	public boolean needsFailover() {
		return this.hosts.size() > 1 || this.targetServerType != TargetServerType.ANY || this.loadBalanceHosts
				|| this.hostRecheck != null;
	}

	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(", ", "ConnectionSpec{", "}");
		joiner.add("form=" + this.form);
		joiner.add("hosts=" + this.hosts);
		joiner.add("database=" + this.database);
		joiner.add("user=" + this.user);
		joiner.add("password=" + ((this.password != null) ? Secrets.MASK : null));
		joiner.add("sslMode=" + this.sslMode);
		addIfSet(joiner, "sslRootCert", this.sslRootCert);
		addIfSet(joiner, "sslCert", this.sslCert);
		addIfSet(joiner, "sslKey", this.sslKey);
		if (this.directSslNegotiation) {
			joiner.add("sslNegotiation=direct");
		}
		addIfSet(joiner, "channelBinding", this.channelBinding);
		addIfSet(joiner, "schema", this.schema);
		addIfSet(joiner, "applicationName", this.applicationName);
		if (!this.sessionSettings.isEmpty()) {
			joiner.add("sessionSettings=" + this.sessionSettings);
		}
		addIfSet(joiner, "connectTimeout", this.connectTimeout);
		joiner.add("targetServerType=" + this.targetServerType);
		if (this.loadBalanceHosts) {
			joiner.add("loadBalanceHosts=true");
		}
		addIfSet(joiner, "hostRecheck", this.hostRecheck);
		addIfSet(joiner, "tcpKeepAlive", this.tcpKeepAlive);
		addIfSet(joiner, "tcpNoDelay", this.tcpNoDelay);
		addIfSet(joiner, "preparedStatementCacheQueries", this.preparedStatementCacheQueries);
		if (!this.pgjdbcOnly.isEmpty()) {
			joiner.add("pgjdbcOnly=" + Secrets.maskedView(this.pgjdbcOnly));
		}
		if (!this.r2dbcOnly.isEmpty()) {
			joiner.add("r2dbcOnly=" + Secrets.maskedView(this.r2dbcOnly));
		}
		return joiner.toString();
	}

	private static void addIfSet(StringJoiner joiner, String name, @Nullable Object value) {
		if (value != null) {
			joiner.add(name + "=" + value);
		}
	}

	/**
	 * Collects what the parsers read, remembering where each identity-defining value came from so that two sources
	 * that disagree are reported by name.
	 */
	static final class Builder {

		private final UrlForm form;

		private final List<HostAndPort> hosts = new ArrayList<>();

		private final Claim<String> database = new Claim<>("database", "database", false);

		private final Claim<String> user = new Claim<>("user", "user", false);

		private final Claim<String> password = new Claim<>("password", "password", true);

		private final Claim<SslMode> sslMode = new Claim<>("sslmode", "sslmode", false);

		private @Nullable SslMode sslModeFromSslFlag;

		private @Nullable String sslRootCert;

		private boolean jdkTrustStore;

		private @Nullable String sslCert;

		private @Nullable String sslKey;

		private boolean directSslNegotiation;

		private @Nullable String channelBinding;

		private final Claim<String> schema = new Claim<>("search_path", "currentSchema", false);

		private final Claim<String> applicationName = new Claim<>("application name", "application_name", false);

		private @Nullable String fallbackApplicationName;

		private final Map<String, String> sessionSettings = new LinkedHashMap<>();

		private @Nullable Duration connectTimeout;

		private TargetServerType targetServerType = TargetServerType.ANY;

		private boolean loadBalanceHosts;

		private @Nullable Duration hostRecheck;

		private @Nullable Boolean tcpKeepAlive;

		private @Nullable Boolean tcpNoDelay;

		private @Nullable Integer preparedStatementCacheQueries;

		private final Map<String, String> pgjdbcOnly = new LinkedHashMap<>();

		private final Map<String, String> r2dbcOnly = new LinkedHashMap<>();

		Builder(UrlForm form) {
			this.form = form;
		}

		UrlForm form() {
			return this.form;
		}

		Builder hosts(List<HostAndPort> hosts) {
			this.hosts.clear();
			this.hosts.addAll(hosts);
			return this;
		}

		List<HostAndPort> hosts() {
			return this.hosts;
		}

		Builder database(String database, String source) {
			this.database.claim(database, source);
			return this;
		}

		@Nullable String database() {
			return this.database.value;
		}

		/** An empty user means none, as for the drivers. */
		Builder user(String user, String source) {
			if (!user.isEmpty()) {
				this.user.claim(user, source);
			}
			return this;
		}

		@Nullable String user() {
			return this.user.value;
		}

		/** An empty password means none, so that an empty URL password cannot conflict with a given one. */
		Builder password(String password, String source) {
			if (!password.isEmpty()) {
				this.password.claim(password, source);
			}
			return this;
		}

		@Nullable String password() {
			return this.password.value;
		}

		Builder sslMode(SslMode mode, String source) {
			this.sslMode.claim(mode, source);
			return this;
		}

		/** Replaces the mode after resolution (defaults, libpq's require-with-root-certificate rule). */
		Builder resolvedSslMode(SslMode mode) {
			this.sslMode.value = mode;
			return this;
		}

		@Nullable SslMode sslMode() {
			return this.sslMode.value;
		}

		/** A mode implied by an {@code ssl} flag, which an explicit sslmode overrides in every family. */
		Builder sslModeFromSslFlag(@Nullable SslMode mode) {
			this.sslModeFromSslFlag = mode;
			return this;
		}

		@Nullable SslMode sslModeFromSslFlag() {
			return this.sslModeFromSslFlag;
		}

		Builder sslRootCert(@Nullable String path) {
			this.sslRootCert = path;
			return this;
		}

		@Nullable String sslRootCert() {
			return this.sslRootCert;
		}

		/** Trust the JDK's default trust store rather than a root certificate file. */
		Builder jdkTrustStore() {
			this.jdkTrustStore = true;
			return this;
		}

		boolean isJdkTrustStore() {
			return this.jdkTrustStore;
		}

		Builder sslCert(String path) {
			this.sslCert = path;
			return this;
		}

		@Nullable String sslCert() {
			return this.sslCert;
		}

		Builder sslKey(String path) {
			this.sslKey = path;
			return this;
		}

		@Nullable String sslKey() {
			return this.sslKey;
		}

		Builder directSslNegotiation(boolean direct) {
			this.directSslNegotiation = direct;
			return this;
		}

		Builder channelBinding(String channelBinding) {
			this.channelBinding = channelBinding;
			return this;
		}

		@Nullable String channelBinding() {
			return this.channelBinding;
		}

		Builder schema(String schema, String source) {
			this.schema.claim(schema, source);
			return this;
		}

		Builder applicationName(String applicationName, String source) {
			this.applicationName.claim(applicationName, source);
			return this;
		}

		@Nullable String applicationName() {
			return this.applicationName.value;
		}

		Builder fallbackApplicationName(String applicationName) {
			this.fallbackApplicationName = applicationName;
			return this;
		}

		@Nullable String fallbackApplicationName() {
			return this.fallbackApplicationName;
		}

		Builder sessionSetting(String name, String value, String source) {
			String previous = this.sessionSettings.putIfAbsent(name, value);
			if (previous != null && !previous.equals(value)) {
				throw new InvalidConnectionUrlException("The session setting " + name + " is given twice with "
						+ "different values (" + UrlSyntax.shown(previous) + ", " + UrlSyntax.shown(value)
						+ "), the second time in " + source + ".", name, "Give it once.");
			}
			return this;
		}

		Builder connectTimeout(Duration timeout) {
			this.connectTimeout = timeout;
			return this;
		}

		Builder targetServerType(TargetServerType type) {
			this.targetServerType = type;
			return this;
		}

		Builder loadBalanceHosts(boolean loadBalance) {
			this.loadBalanceHosts = loadBalance;
			return this;
		}

		Builder hostRecheck(Duration recheck) {
			this.hostRecheck = recheck;
			return this;
		}

		Builder tcpKeepAlive(boolean keepAlive) {
			this.tcpKeepAlive = keepAlive;
			return this;
		}

		Builder tcpNoDelay(boolean noDelay) {
			this.tcpNoDelay = noDelay;
			return this;
		}

		Builder preparedStatementCacheQueries(int size) {
			this.preparedStatementCacheQueries = size;
			return this;
		}

		Builder pgjdbcOnly(String name, String value) {
			this.pgjdbcOnly.put(name, value);
			return this;
		}

		Map<String, String> pgjdbcOnly() {
			return this.pgjdbcOnly;
		}

		Builder r2dbcOnly(String name, String value) {
			this.r2dbcOnly.put(name, value);
			return this;
		}

		/** Every secret read so far, for masking error messages. */
		List<String> secrets() {
			List<String> secrets = new ArrayList<>();
			if (this.password.value != null) {
				secrets.add(this.password.value);
			}
			return secrets;
		}

		ConnectionSpec build() {
			return new ConnectionSpec(this);
		}

	}

	/**
	 * A value that may be stated in several places (URL user info, a parameter, an argument) as long as they agree.
	 */
	private static final class Claim<T> {

		private final String description;

		private final String parameter;

		private final boolean secret;

		private @Nullable T value;

		private @Nullable String source;

		Claim(String description, String parameter, boolean secret) {
			this.description = description;
			this.parameter = parameter;
			this.secret = secret;
		}

		void claim(T newValue, String newSource) {
			if (this.value == null) {
				this.value = newValue;
				this.source = newSource;
			}
			else if (!this.value.equals(newValue)) {
				String values = this.secret ? ""
						: " (" + UrlSyntax.shown(this.value.toString()) + ", " + UrlSyntax.shown(newValue.toString()) + ")";
				throw new InvalidConnectionUrlException("The " + this.description + " is given twice with different "
						+ "values" + values + ": in " + this.source + " and in " + newSource + ".", this.parameter,
						"Give it once, or give the same value in both places.");
			}
		}

	}

}
