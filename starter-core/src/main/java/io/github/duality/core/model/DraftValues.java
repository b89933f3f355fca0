package io.github.duality.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the parsers claimed for one URL, as the rules read it: {@code null} where the URL says nothing.
 *
 * @param form the form the input was written in
 * @param hosts the servers, in the input's order
 * @param database the database
 * @param user the role
 * @param password its password
 * @param sslMode an explicit TLS mode
 * @param sslModeFromSslFlag the mode an {@code ssl} flag implies, which an explicit mode overrides
 * @param sslRootCert the root certificate file
 * @param jdkTrustStore whether the JDK's default trust store is asked for
 * @param sslCert the client certificate file
 * @param sslKey the client key file
 * @param sslPassword the passphrase of the client key
 * @param directSslNegotiation whether TLS starts directly
 * @param channelBinding {@code disable}, {@code prefer} or {@code require}
 * @param schema the {@code search_path}
 * @param applicationName the application name
 * @param fallbackApplicationName the name used when no application name is given
 * @param sessionSettings other session settings, in the input's order
 * @param connectTimeout the timeout of a connection attempt
 * @param targetServerType which server the application's connections accept
 * @param loadBalanceHosts whether the hosts are tried in random order
 * @param hostRecheck how long a host's status is trusted
 * @param tcpKeepAlive TCP keep-alive
 * @param tcpNoDelay TCP_NODELAY
 * @param preparedStatementCacheQueries the per-connection statement cache size
 * @param pgjdbcOnly pgjdbc properties that stay on the JDBC path
 * @param r2dbcOnly r2dbc options that stay on the R2DBC path
 */
public record DraftValues(UrlForm form, List<HostAndPort> hosts, @Nullable String database, @Nullable String user,
		@Nullable String password, @Nullable SslMode sslMode, @Nullable SslMode sslModeFromSslFlag,
		@Nullable String sslRootCert, boolean jdkTrustStore, @Nullable String sslCert, @Nullable String sslKey,
		@Nullable String sslPassword, boolean directSslNegotiation, @Nullable String channelBinding,
		@Nullable String schema, @Nullable String applicationName, @Nullable String fallbackApplicationName,
		Map<String, String> sessionSettings, @Nullable Duration connectTimeout, TargetServerType targetServerType,
		boolean loadBalanceHosts, @Nullable Duration hostRecheck, @Nullable Boolean tcpKeepAlive,
		@Nullable Boolean tcpNoDelay, @Nullable Integer preparedStatementCacheQueries, Map<String, String> pgjdbcOnly,
		Map<String, String> r2dbcOnly) {

}
