package io.github.duality.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the parsers claim for one URL, remembering where each identity-defining value came from so that two sources
 * that disagree are reported by name. The parsers only write here; the rules read what was claimed once, as
 * {@link DraftValues}, and return the {@link ConnectionSpec} from it.
 */
public final class Draft {

	private final UrlForm form;

	private final List<HostAndPort> hosts = new ArrayList<>();

	private final ClaimedValue<String> database;

	private final ClaimedValue<String> user;

	private final ClaimedValue<String> password;

	private final ClaimedValue<SslMode> sslMode;

	private @Nullable SslMode sslModeFromSslFlag;

	private @Nullable String sslRootCert;

	private boolean jdkTrustStore;

	private @Nullable String sslCert;

	private @Nullable String sslKey;

	private @Nullable String sslPassword;

	private boolean directSslNegotiation;

	private @Nullable String channelBinding;

	private final ClaimedValue<String> schema;

	private final ClaimedValue<String> applicationName;

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

	public Draft(UrlForm form, ClaimNames names) {
		this.form = form;
		this.database = new ClaimedValue<>(names.database(), names.database(), false);
		this.user = new ClaimedValue<>(names.user(), names.user(), false);
		this.password = new ClaimedValue<>(names.password(), names.password(), true);
		this.sslMode = new ClaimedValue<>(names.sslMode(), names.sslMode(), false);
		this.schema = new ClaimedValue<>("search_path", names.schema(), false);
		this.applicationName = new ClaimedValue<>("application name", names.applicationName(), false);
		for (ParameterFamily family : ParameterFamily.values()) {
			this.pathOnly.put(family, new LinkedHashMap<>());
		}
	}

	/** The form the input is written in: given, not claimed. */
	public UrlForm form() {
		return this.form;
	}

	public void hosts(List<HostAndPort> hosts) {
		this.hosts.clear();
		this.hosts.addAll(hosts);
	}

	public void database(String database, String source) {
		this.database.claim(database, source);
	}

	/** An empty user means none, as for the drivers. */
	public void user(String user, String source) {
		if (!user.isEmpty()) {
			this.user.claim(user, source);
		}
	}

	/** An empty password means none, so that an empty URL password cannot conflict with a given one. */
	public void password(String password, String source) {
		if (!password.isEmpty()) {
			this.password.claim(password, source);
		}
	}

	public void sslMode(SslMode mode, String source) {
		this.sslMode.claim(mode, source);
	}

	/** A mode implied by an {@code ssl} flag, which an explicit sslmode overrides in every family. */
	public void sslModeFromSslFlag(@Nullable SslMode mode) {
		this.sslModeFromSslFlag = mode;
	}

	public void sslRootCert(String path) {
		this.sslRootCert = path;
	}

	/** Trust the JDK's default trust store rather than a root certificate file. */
	public void jdkTrustStore() {
		this.jdkTrustStore = true;
	}

	public void sslCert(String path) {
		this.sslCert = path;
	}

	public void sslKey(String path) {
		this.sslKey = path;
	}

	public void sslPassword(String password) {
		this.sslPassword = password;
	}

	public void directSslNegotiation(boolean direct) {
		this.directSslNegotiation = direct;
	}

	public void channelBinding(String channelBinding) {
		this.channelBinding = channelBinding;
	}

	public void schema(String schema, String source) {
		this.schema.claim(schema, source);
	}

	public void applicationName(String applicationName, String source) {
		this.applicationName.claim(applicationName, source);
	}

	public void fallbackApplicationName(String applicationName) {
		this.fallbackApplicationName = applicationName;
	}

	public void sessionSetting(String name, String value, String source) {
		String previous = this.sessionSettings.putIfAbsent(name, value);
		if (previous != null && !previous.equals(value)) {
			throw new InvalidConnectionUrlException("The session setting " + name + " is given twice with different "
					+ "values (" + MessageText.shown(previous) + ", " + MessageText.shown(value) + "), the second time "
					+ "in " + source + ".", name, "Give it once.");
		}
	}

	public void connectTimeout(Duration timeout) {
		this.connectTimeout = timeout;
	}

	public void targetServerType(TargetServerType type) {
		this.targetServerType = type;
	}

	public void loadBalanceHosts(boolean loadBalance) {
		this.loadBalanceHosts = loadBalance;
	}

	public void hostRecheck(Duration recheck) {
		this.hostRecheck = recheck;
	}

	public void tcpKeepAlive(boolean keepAlive) {
		this.tcpKeepAlive = keepAlive;
	}

	public void tcpNoDelay(boolean noDelay) {
		this.tcpNoDelay = noDelay;
	}

	public void preparedStatementCacheQueries(int size) {
		this.preparedStatementCacheQueries = size;
	}

	/** The URL says a transaction pooler is in front ({@code pgbouncer=true}). */
	public void transactionPoolerDeclared() {
		this.transactionPoolerDeclared = true;
	}

	/** A parameter that stays on its family's path, as given. */
	public void pathOnly(ParameterFamily family, String name, String value) {
		this.pathOnly.get(family).put(name, value);
	}

	/** Records where a secret is written in the input, so that the accepted input is masked by position. */
	public void secretAt(int start, int end) {
		this.secretSpans.add(new int[] { start, end });
	}

	/**
	 * Takes from {@code other} whatever this draft leaves out, so that a second URL to the same database need state
	 * only where it connects and what differs. The endpoint itself (hosts, their selection, direct TLS negotiation)
	 * and the claim of a pooler in front stay this draft's own.
	 */
	public void inheritUnset(Draft other) {
		this.database.inherit(other.database);
		this.user.inherit(other.user);
		this.password.inherit(other.password);
		boolean ownMode = this.sslMode.value() != null || this.sslModeFromSslFlag != null;
		if (!ownMode) {
			this.sslMode.inherit(other.sslMode);
			this.sslModeFromSslFlag = other.sslModeFromSslFlag;
		}
		// trust anchors serve a mode that checks certificates; a weaker mode of its own is refused as such
		SslMode mode = (this.sslMode.value() != null) ? this.sslMode.value() : this.sslModeFromSslFlag;
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
	}

	/** What was claimed, for the rules and the pooler checks. */
	public DraftValues values() {
		return new DraftValues(this.form, List.copyOf(this.hosts), this.database.value(), this.user.value(),
				this.password.value(), this.sslMode.value(), this.sslModeFromSslFlag, this.sslRootCert,
				this.jdkTrustStore, this.sslCert, this.sslKey, this.sslPassword, this.directSslNegotiation,
				this.channelBinding, this.schema.value(), this.applicationName.value(), this.fallbackApplicationName,
				new LinkedHashMap<>(this.sessionSettings), this.connectTimeout, this.targetServerType, this.loadBalanceHosts,
				this.hostRecheck, this.tcpKeepAlive, this.tcpNoDelay, this.preparedStatementCacheQueries,
				this.pathOnly.get(ParameterFamily.PGJDBC), this.pathOnly.get(ParameterFamily.R2DBC));
	}

	public boolean isTransactionPoolerDeclared() {
		return this.transactionPoolerDeclared;
	}

	/** Where the parsers found secrets in the input: start and end offsets, in input order. */
	public List<int[]> secretSpans() {
		return this.secretSpans;
	}

	/** Every secret claimed so far, for masking error messages. */
	public List<String> secrets() {
		List<String> secrets = new ArrayList<>();
		if (this.password.value() != null) {
			secrets.add(this.password.value());
		}
		if (this.sslPassword != null) {
			secrets.add(this.sslPassword);
		}
		return secrets;
	}

	/**
	 * The parameter each value that may be claimed twice is named by when two claims disagree, the same whatever
	 * the URL's form; given by the parameter table, which depends on this package.
	 */
	public record ClaimNames(String database, String user, String password, String sslMode, String schema,
			String applicationName) {
	}

}
