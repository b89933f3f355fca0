package io.github.duality.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * What one input URL means, independent of either driver: the validated, immutable model both targets are rendered
 * from, in small values by concern, as r2dbc-postgresql groups its configuration. Its {@link #toString()} masks
 * every secret.
 *
 * @param form the form the input was written in
 * @param endpoints the servers and which of them the application accepts
 * @param credentials the role and its password
 * @param session the database and what each session starts with
 * @param tls the TLS of both paths
 * @param socket the TCP options
 * @param pgjdbcOnly pgjdbc properties that stay on the JDBC path, as given
 * @param r2dbcOnly r2dbc options that stay on the R2DBC path, as given
 */
public record ConnectionSpec(UrlForm form, Endpoints endpoints, Credentials credentials, Session session, Tls tls,
		SocketOptions socket, Map<String, String> pgjdbcOnly, Map<String, String> r2dbcOnly) {

	public ConnectionSpec {
		pgjdbcOnly = Collections.unmodifiableMap(new LinkedHashMap<>(pgjdbcOnly));
		r2dbcOnly = Collections.unmodifiableMap(new LinkedHashMap<>(r2dbcOnly));
	}

	@Override
	public String toString() {
		return "ConnectionSpec[form=" + this.form + ", endpoints=" + this.endpoints + ", credentials="
				+ this.credentials + ", session=" + this.session + ", tls=" + this.tls + ", socket=" + this.socket
				+ ", pgjdbcOnly=" + Secrets.maskedView(this.pgjdbcOnly) + ", r2dbcOnly="
				+ Secrets.maskedView(this.r2dbcOnly) + "]";
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

		private @Nullable String sslPassword;

		private @Nullable TlsMaterial tlsMaterial;

		private boolean materialTrust;

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

		private boolean transactionPoolerDeclared;

		/** Each family's parameters that stay on its own path; libpq has no path, so its own are never written. */
		private final Map<ParameterFamily, Map<String, String>> pathOnly = new EnumMap<>(ParameterFamily.class);

		private final List<int[]> secretSpans = new ArrayList<>();

		Builder(UrlForm form) {
			this.form = form;
			for (ParameterFamily family : ParameterFamily.values()) {
				this.pathOnly.put(family, new LinkedHashMap<>());
			}
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

		Builder sslPassword(String password) {
			this.sslPassword = password;
			return this;
		}

		@Nullable String sslPassword() {
			return this.sslPassword;
		}

		/** The client key read from the files, or an SSL bundle: what both paths get in memory. */
		Builder tlsMaterial(TlsMaterial material) {
			this.tlsMaterial = material;
			return this;
		}

		/** The material's own trust anchors check the server certificate (an SSL bundle's trust store). */
		Builder materialTrust() {
			this.materialTrust = true;
			return this;
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
						+ "different values (" + MessageText.shown(previous) + ", " + MessageText.shown(value)
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

		/** The URL says a transaction pooler is in front ({@code pgbouncer=true}). */
		Builder transactionPoolerDeclared() {
			this.transactionPoolerDeclared = true;
			return this;
		}

		boolean isTransactionPoolerDeclared() {
			return this.transactionPoolerDeclared;
		}

		/**
		 * Takes from {@code other} whatever this draft leaves out, so that a second URL to the same database need
		 * state only where it connects and what differs. The endpoint itself (hosts, their selection, direct TLS
		 * negotiation) and the claim of a pooler in front stay this draft's own.
		 */
		Builder inheritUnset(Builder other) {
			this.database.inherit(other.database);
			this.user.inherit(other.user);
			this.password.inherit(other.password);
			boolean ownMode = this.sslMode.value != null || this.sslModeFromSslFlag != null;
			if (!ownMode) {
				this.sslMode.inherit(other.sslMode);
				this.sslModeFromSslFlag = other.sslModeFromSslFlag;
			}
			// trust anchors serve a mode that checks certificates; a weaker mode of its own is refused as such
			SslMode mode = (this.sslMode.value != null) ? this.sslMode.value : this.sslModeFromSslFlag;
			if (this.sslRootCert == null && !this.jdkTrustStore && (!ownMode || mode.verifiesCertificate())) {
				this.sslRootCert = other.sslRootCert;
				this.jdkTrustStore = other.jdkTrustStore;
			}
			if (this.sslCert == null && this.sslKey == null) {
				this.sslCert = other.sslCert;
				this.sslKey = other.sslKey;
				this.sslPassword = (this.sslPassword != null) ? this.sslPassword : other.sslPassword;
			}
			this.channelBinding = (this.channelBinding != null) ? this.channelBinding : other.channelBinding;
			this.schema.inherit(other.schema);
			this.applicationName.inherit(other.applicationName);
			this.fallbackApplicationName = (this.fallbackApplicationName != null) ? this.fallbackApplicationName
					: other.fallbackApplicationName;
			other.sessionSettings.forEach(this.sessionSettings::putIfAbsent);
			this.connectTimeout = (this.connectTimeout != null) ? this.connectTimeout : other.connectTimeout;
			this.tcpKeepAlive = (this.tcpKeepAlive != null) ? this.tcpKeepAlive : other.tcpKeepAlive;
			this.tcpNoDelay = (this.tcpNoDelay != null) ? this.tcpNoDelay : other.tcpNoDelay;
			this.preparedStatementCacheQueries = (this.preparedStatementCacheQueries != null)
					? this.preparedStatementCacheQueries : other.preparedStatementCacheQueries;
			other.pathOnly.forEach((family, parameters) -> parameters.forEach(this.pathOnly.get(family)::putIfAbsent));
			return this;
		}

		/** A parameter that stays on its family's path, as given. */
		Builder pathOnly(ParameterFamily family, String name, String value) {
			this.pathOnly.get(family).put(name, value);
			return this;
		}

		Builder pgjdbcOnly(String name, String value) {
			return pathOnly(ParameterFamily.PGJDBC, name, value);
		}

		Builder r2dbcOnly(String name, String value) {
			return pathOnly(ParameterFamily.R2DBC, name, value);
		}

		/** Records where a secret is written in the input, so that the accepted input is masked by position. */
		Builder secretAt(int start, int end) {
			this.secretSpans.add(new int[] { start, end });
			return this;
		}

		/** Where the parsers found secrets in the input: start and end offsets, in input order. */
		List<int[]> secretSpans() {
			return this.secretSpans;
		}

		/** Every secret read so far, for masking error messages. */
		List<String> secrets() {
			List<String> secrets = new ArrayList<>();
			if (this.password.value != null) {
				secrets.add(this.password.value);
			}
			if (this.sslPassword != null) {
				secrets.add(this.sslPassword);
			}
			return secrets;
		}

		/** The model, once the validator has completed what the parsers read. */
		ConnectionSpec build() {
			SslMode mode = this.sslMode.value;
			Tls.Trust trust = (this.sslRootCert != null) ? new Tls.Trust.RootCertificateFile(this.sslRootCert)
					: !mode.verifiesCertificate() ? new Tls.Trust.None()
					: this.materialTrust ? new Tls.Trust.OfMaterial() : new Tls.Trust.JdkTrustStore();
			return new ConnectionSpec(this.form,
					new Endpoints(this.hosts, this.targetServerType, this.loadBalanceHosts, this.hostRecheck),
					new Credentials(this.user.value, this.password.value),
					new Session(this.database.value, this.schema.value, this.applicationName.value, this.sessionSettings,
							this.preparedStatementCacheQueries),
					new Tls(mode, trust, this.sslCert, this.sslKey, this.tlsMaterial, this.directSslNegotiation,
							this.channelBinding),
					new SocketOptions(this.connectTimeout, this.tcpKeepAlive, this.tcpNoDelay),
					this.pathOnly.get(ParameterFamily.PGJDBC), this.pathOnly.get(ParameterFamily.R2DBC));
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

		void inherit(Claim<T> other) {
			if (this.value == null) {
				this.value = other.value;
				this.source = other.source;
			}
		}

		void claim(T newValue, String newSource) {
			if (this.value == null) {
				this.value = newValue;
				this.source = newSource;
			}
			else if (!this.value.equals(newValue)) {
				String values = this.secret ? ""
						: " (" + MessageText.shown(this.value.toString()) + ", " + MessageText.shown(newValue.toString()) + ")";
				throw new InvalidConnectionUrlException("The " + this.description + " is given twice with different "
						+ "values" + values + ": " + this.source + ", and " + newSource + ".", this.parameter,
						"Give it in one of these places only, or give the same value in both.");
			}
		}

	}

}
