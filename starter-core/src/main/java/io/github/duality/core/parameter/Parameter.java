package io.github.duality.core.parameter;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.Draft;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.TargetServerType;
import io.r2dbc.postgresql.MultiHostConnectionStrategy;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.ChannelBindingMode;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.postgresql.client.SSLNegotiation;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.jspecify.annotations.Nullable;

/**
 * Every parameter name duality knows, in each family that has it, with its one fate. This table is the single
 * source of truth: every pgjdbc property ({@code PGProperty}), every r2dbc-postgresql option and every accepted libpq
 * keyword appears in exactly one row; a name in no row is unknown, and unknown names are refused with a
 * did-you-mean, because both drivers silently ignore them. A row carried to both drivers states how it travels, as a
 * {@link Carry}: how each family reads its value and how each target writes it.
 */
public enum Parameter {

	// Where and who

	HOST(Names.ofPgjdbc("PGHOST").libpq("host").r2dbc("host"), Fate.CONVERTED,
			"Host list. r2dbc gets its failover protocol for several hosts (HOST \"h1:p1,h2:p2\", no PORT); IPv6 "
					+ "addresses cannot be in an r2dbc host list and are refused there. Unix-domain sockets "
					+ "(host=/dir) are refused: pgjdbc cannot reach them without a socket-factory library.",
			Carry.readByParsers()),

	HOSTADDR(Names.ofLibpq("hostaddr"), Fate.REFUSED,
			"A numeric address that bypasses name resolution; neither Java driver has it. Put the address in the "
					+ "host part of the URL instead."),

	PORT(Names.ofPgjdbc("PGPORT").libpq("port").r2dbc("port"), Fate.TRANSLATED,
			"One port per host; 5432 when absent.",
			Carry.readByParsers()),

	DATABASE(Names.ofPgjdbc("PGDBNAME").libpq("dbname").r2dbc("database"), Fate.TRANSLATED,
			"The database; when absent, the user name (the server's default) is written on both paths.",
			Carry.read(ValueReaders.AS_GIVEN).toSourced(Draft::database)
				.r2dbc(ConnectionFactoryOptions.DATABASE, (spec) -> spec.session().database())),

	USER(Names.ofPgjdbc("user").libpq("user").r2dbc("user"), Fate.TRANSLATED,
			"From the URL (user@host), a user parameter or spring.datasource.username; different values are an error. "
					+ "When absent, the operating-system user for pgjdbc and libpq inputs (their default), written on "
					+ "both paths; required in r2dbc URLs (r2dbc has no default user).",
			Carry.read(ValueReaders.AS_GIVEN).toSourced(Draft::user)
				.pgjdbc((spec) -> spec.credentials().user())
				.r2dbc(ConnectionFactoryOptions.USER, (spec) -> spec.credentials().user())),

	PASSWORD(Names.ofPgjdbc("password").libpq("password").r2dbc("password"), Fate.TRANSLATED,
			"From the URL (user:password@host), a password parameter or spring.datasource.password; different values are an "
					+ "error. Never written into the JDBC URL; any character works.",
			Carry.read(ValueReaders.AS_GIVEN).toSourced(Draft::password)
				.pgjdbc((spec) -> spec.credentials().password())
				.r2dbc(ConnectionFactoryOptions.PASSWORD, (spec) -> spec.credentials().password())),

	DRIVER(Names.ofR2dbc("driver"), Fate.CONVERTED,
			"postgresql or postgres; pool is accepted and dropped (pooling is configured outside the URL).",
			Carry.readByParsers()),

	PROTOCOL(Names.ofR2dbc("protocol"), Fate.CONVERTED,
			"failover, which pgjdbc expresses as a host list with targetServerType.",
			Carry.readByParsers()),

	SERVICE(Names.ofPgjdbc("service").libpq("service"), Fate.REFUSED,
			"Looks the connection up in pg_service.conf, which r2dbc cannot read. Write the host, port and "
					+ "database into the URL."),

	PASSFILE(Names.ofLibpq("passfile"), Fate.REFUSED,
			"r2dbc has no .pgpass support. Give the password in the URL or as spring.datasource.password."),

	// TLS

	SSL_MODE(Names.ofPgjdbc("sslmode").libpq("sslmode").r2dbc("sslMode", "sslmode"), Fate.CONVERTED,
			"Written explicitly on both paths. When absent: prefer for pgjdbc and libpq inputs (their default, "
					+ "r2dbc's own default is disable), disable for r2dbc inputs (r2dbc's default). verify-ca checks the "
					+ "certificate chain and not the host name on both paths (r2dbc gets a TLS context without "
					+ "Netty's host-name check). r2dbc's tunnel mode is refused (pgjdbc has no equivalent).",
			Carry.read(ValueReaders.SSL_MODE).toSourced(Draft::sslMode)
				.pgjdbc((spec) -> spec.tls().mode().libpqName())
				.r2dbc(PostgresqlConnectionFactoryProvider.SSL_MODE,
						(spec) -> SSLMode.fromValue(spec.tls().mode().libpqName()))),

	SSL(Names.ofPgjdbc("ssl").libpq("ssl").r2dbc("ssl"), Fate.CONVERTED,
			"Read with the input driver's rules, then written as sslmode: pgjdbc ssl, ssl= or ssl=true means "
					+ "verify-full and ssl=false means prefer; libpq knows only ssl=true, meaning require, and "
					+ "refuses any other value, as duality does; SQLAlchemy ssl=true or 1 means require, false or 0 "
					+ "disable, and asyncpg's sslmode values are read as such; r2dbc ssl=true means verify-full. An "
					+ "explicit sslmode wins.",
			Carry.read(ValueReaders::pgjdbcSslFlag, ValueReaders::libpqSslFlag, ValueReaders::r2dbcSslFlag)
				.to(DraftClaims::sslFlag)
				.writtenAs(SSL_MODE)),

	SSL_ROOT_CERT(Names.ofPgjdbc("sslrootcert").libpq("sslrootcert").r2dbc("sslRootCert"), Fate.CONVERTED,
			"A PEM certificate file, checked when the URL is derived and written on both paths. With verify-ca or "
					+ "verify-full and none given: ~/.postgresql/root.crt (pgjdbc's default, it must exist) for "
					+ "pgjdbc and libpq inputs; the JDK trust store (r2dbc's default) for r2dbc inputs, which "
					+ "pgjdbc gets as sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory. libpq's "
					+ "sslrootcert=system also means the JDK trust store. A libpq sslmode=require with a root "
					+ "certificate verifies it, as libpq does: it becomes verify-ca.",
			Carry.read((reading) -> Optional.of(reading.value()), ValueReaders::libpqRootCertificate,
					(reading) -> Optional.of(reading.value()))
				.to(DraftClaims::rootCertificate)
				.writtenByRenderers()),

	SSL_CERT(Names.ofPgjdbc("sslcert").libpq("sslcert").r2dbc("sslCert"), Fate.CONVERTED,
			"The client certificate file (PEM or DER), followed by any intermediate CA certificates; needs sslkey. "
					+ "Read with the key at startup and handed to both drivers in memory.",
			Carry.read(ValueReaders.AS_GIVEN).to((reading, file) -> reading.draft().sslCert(file)).writtenByRenderers()),

	SSL_KEY(Names.ofPgjdbc("sslkey").libpq("sslkey").r2dbc("sslKey"), Fate.CONVERTED,
			"The client key, read once at startup in any format libpq or either driver reads (PEM PKCS#8, PEM "
					+ "PKCS#1 or SEC1, DER PKCS#8, PKCS#12 with its chain, encrypted PKCS#8 with sslpassword) and "
					+ "handed to both drivers in memory: pgjdbc through Duality's SSL factory, r2dbc through its SSL "
					+ "context customizer. libpq's permission rule applies: 0600 or less, 0640 when root owns it.",
			Carry.read(ValueReaders.AS_GIVEN).to((reading, file) -> reading.draft().sslKey(file)).writtenByRenderers()),

	SSL_PASSWORD(Names.ofPgjdbc("sslpassword").libpq("sslpassword").r2dbc("sslPassword"), Fate.CONVERTED,
			"The passphrase of an encrypted client key or PKCS#12 store: it opens the key at startup and is "
					+ "written on neither path, so no URL that Liquibase or Flyway may log holds it.",
			Carry.read(ValueReaders.AS_GIVEN)
				.to((reading, password) -> reading.draft().sslPassword(password))
				.writtenByRenderers()),

	SSL_NEGOTIATION(Names.ofPgjdbc("sslNegotiation").libpq("sslnegotiation").r2dbc("sslNegotiation", "sslnegotiation"),
			Fate.TRANSLATED,
			"postgres or direct (PostgreSQL 17 direct TLS). pgjdbc's value is case-sensitive (other spellings "
					+ "silently mean postgres), so only these spellings are accepted; r2dbc's tunnel is refused.",
			Carry.read(ValueReaders.DIRECT_SSL_NEGOTIATION_PGJDBC, ValueReaders.DIRECT_SSL_NEGOTIATION_PGJDBC,
					ValueReaders.DIRECT_SSL_NEGOTIATION_R2DBC)
				.to((reading, direct) -> reading.draft().directSslNegotiation(direct))
				.pgjdbc((spec) -> spec.tls().directNegotiation() ? "direct" : null)
				.r2dbc(PostgresqlConnectionFactoryProvider.SSL_NEGOTIATION,
						(spec) -> spec.tls().directNegotiation() ? SSLNegotiation.DIRECT : null)),

	SSL_SNI(Names.ofLibpq("sslsni").r2dbc("sslSni"), Fate.REFUSED,
			"Turning SNI off cannot be expressed for pgjdbc, whose TLS stack always sends it. The default (1, true) "
					+ "is accepted.",
			"1", "true"),

	SSL_FACTORY(Names.ofPgjdbc("sslfactory"), Fate.CONVERTED,
			"org.postgresql.ssl.LibPQFactory (the default) and org.postgresql.ssl.DefaultJavaSSLFactory (the JDK "
					+ "trust store: r2dbc without sslRootCert) are understood; any other factory is refused, "
					+ "because r2dbc cannot run it.",
			Carry.read(ValueReaders::jdkTrustFactory).to(DraftClaims::jdkTrustFactory).writtenByRenderers()),

	SSL_FACTORY_ARG(Names.ofPgjdbc("sslfactoryarg"), Fate.REFUSED,
			"Argument of a custom SSL factory, which r2dbc cannot run."),

	SSL_HOSTNAME_VERIFIER(Names.ofPgjdbc("sslhostnameverifier").r2dbc("sslHostnameVerifier"), Fate.REFUSED,
			"A custom host-name verification class: the two drivers call it differently, so one path would verify "
					+ "differently. Use sslmode=verify-full with the built-in verifiers."),

	SSL_PASSWORD_CALLBACK(Names.ofPgjdbc("sslpasswordcallback"), Fate.REFUSED,
			"A callback class r2dbc cannot call. Give sslpassword, or use an unencrypted key file."),

	SSL_RESPONSE_TIMEOUT(Names.ofPgjdbc("sslResponseTimeout"), Fate.PATH_ONLY,
			"How long pgjdbc waits for the server's answer to its TLS request; r2dbc has no such setting."),

	SSL_CONTEXT_BUILDER_CUSTOMIZER(Names.ofR2dbc("sslContextBuilderCustomizer"), Fate.REFUSED,
			"A programmatic object that a URL cannot carry and pgjdbc cannot apply."),

	SSL_CERT_MODE(Names.ofLibpq("sslcertmode"), Fate.REFUSED,
			"Neither Java driver can require or forbid sending the client certificate. The default (allow) is "
					+ "accepted.",
			"allow"),

	SSL_CRL(Names.ofLibpq("sslcrl", "sslcrldir"), Fate.REFUSED,
			"Neither Java driver reads certificate revocation lists."),

	SSL_COMPRESSION(Names.ofLibpq("sslcompression"), Fate.REFUSED,
			"TLS compression is obsolete and unsupported by both Java drivers; 0 is accepted.", "0"),

	SSL_PROTOCOL_VERSION(Names.ofLibpq("ssl_min_protocol_version", "ssl_max_protocol_version"), Fate.REFUSED,
			"Neither driver takes TLS versions from the URL. Set the JVM's jdk.tls.client.protocols instead."),

	REQUIRE_PEER(Names.ofLibpq("requirepeer"), Fate.REFUSED,
			"Peer checking applies to Unix-domain sockets, which are not supported."),

	CHANNEL_BINDING(Names.ofPgjdbc("channelBinding").libpq("channel_binding").r2dbc("channelBinding", "channel_binding"),
			Fate.CONVERTED,
			"disable and prefer carry over. require is accepted only with sslmode=verify-full: r2dbc enforces it "
					+ "for SCRAM only and still connects when the server asks for md5, a clear-text password or "
					+ "nothing, so only verify-full keeps a man in the middle out on both paths.",
			Carry.read(ValueReaders.CHANNEL_BINDING_PGJDBC, ValueReaders.CHANNEL_BINDING_PGJDBC,
					ValueReaders.CHANNEL_BINDING_R2DBC)
				.to((reading, binding) -> reading.draft().channelBinding(binding))
				.pgjdbc((spec) -> spec.tls().channelBinding())
				// r2dbc-postgresql 1.1.1 (Spring Boot 4.0's) has neither the option constant nor ChannelBindingMode: named
				// here, and typed only where a URL that gives channel binding is written, as the table is loaded for all
				.r2dbc(Option.valueOf("channelBinding"), Parameter::channelBindingMode)),

	REQUIRE_AUTH(Names.ofPgjdbc("requireAuth").libpq("require_auth"), Fate.REFUSED,
			"r2dbc cannot restrict authentication methods, so the application path would accept what the URL "
					+ "forbids."),

	GSS_ENC_MODE(Names.ofPgjdbc("gssEncMode").libpq("gssencmode"), Fate.REFUSED,
			"r2dbc has no GSSAPI encryption. disable and allow are accepted (nothing to carry).", "disable",
			"allow"),

	GSS_LIB(Names.ofPgjdbc("gsslib").libpq("gsslib"), Fate.REFUSED,
			"Kerberos/SSPI authentication, which r2dbc cannot perform."),

	GSS_USE_DEFAULT_CREDS(Names.ofPgjdbc("gssUseDefaultCreds"), Fate.REFUSED,
			"Kerberos credentials, which r2dbc cannot use; false is accepted.", "false"),

	GSS_RESPONSE_TIMEOUT(Names.ofPgjdbc("gssResponseTimeout"), Fate.PATH_ONLY,
			"How long pgjdbc waits for the answer to its GSS encryption request; r2dbc never asks."),

	GSS_DELEGATION(Names.ofLibpq("gssdelegation"), Fate.REFUSED,
			"Kerberos credential delegation, which r2dbc cannot perform; 0 is accepted.", "0"),

	JAAS_APPLICATION_NAME(Names.ofPgjdbc("jaasApplicationName"), Fate.REFUSED,
			"JAAS login for Kerberos, which r2dbc cannot perform."),

	JAAS_LOGIN(Names.ofPgjdbc("jaasLogin"), Fate.REFUSED, "JAAS login for Kerberos, which r2dbc cannot perform."),

	KERBEROS_SERVER_NAME(Names.ofPgjdbc("kerberosServerName").libpq("krbsrvname"), Fate.REFUSED,
			"Kerberos authentication, which r2dbc cannot perform."),

	SSPI_SERVICE_CLASS(Names.ofPgjdbc("sspiServiceClass"), Fate.REFUSED,
			"Windows SSPI authentication, which r2dbc cannot perform."),

	USE_SPNEGO(Names.ofPgjdbc("useSpnego"), Fate.REFUSED,
			"SPNEGO authentication, which r2dbc cannot perform; false is accepted.", "false"),

	AUTHENTICATION_PLUGIN_CLASS_NAME(Names.ofPgjdbc("authenticationPluginClassName"), Fate.REFUSED,
			"A password-supplying plugin (IAM tokens and the like) that r2dbc cannot call; r2dbc takes a "
					+ "Supplier or Publisher password programmatically instead."),

	SCRAM_MAX_ITERATIONS(Names.ofPgjdbc("scramMaxIterations"), Fate.REFUSED,
			"r2dbc has no cap on the SCRAM iteration count a server may ask for, so the application path could "
					+ "not honour the limit; pgjdbc's default cap of 100000 stays in force on its own path."),

	// The session

	APPLICATION_NAME(Names.ofPgjdbc("ApplicationName").libpq("application_name").r2dbc("applicationName"),
			Fate.TRANSLATED,
			"The name each connection reports in pg_stat_activity. When absent, each driver reports its own "
					+ "default (PostgreSQL JDBC Driver, r2dbc-postgresql), which tells the paths apart.",
			Carry.read(ValueReaders.AS_GIVEN).toSourced(Draft::applicationName)
				.pgjdbc((spec) -> spec.session().applicationName())
				.r2dbc(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, (spec) -> spec.session().applicationName())),

	FALLBACK_APPLICATION_NAME(Names.ofLibpq("fallback_application_name"), Fate.CONVERTED,
			"Becomes the application name when application_name is absent.",
			Carry.read(ValueReaders.AS_GIVEN)
				.to((reading, name) -> reading.draft().fallbackApplicationName(name))
				.writtenAs(APPLICATION_NAME)),

	CURRENT_SCHEMA(Names.ofPgjdbc("currentSchema").r2dbc("currentSchema", "schema"), Fate.TRANSLATED,
			"The search_path, sent at startup by both drivers. libpq inputs set it with options=-c search_path=...; "
					+ "a search_path given twice with different values is an error.",
			Carry.read(ValueReaders.AS_GIVEN).toSourced(Draft::schema)
				.pgjdbc((spec) -> spec.session().schema())
				.r2dbc(PostgresqlConnectionFactoryProvider.CURRENT_SCHEMA, (spec) -> spec.session().schema())),

	OPTIONS(Names.ofPgjdbc("options").libpq("options").r2dbc("options"), Fate.CONVERTED,
			"Session settings: libpq and pgjdbc write -c name=value (backslash escapes spaces), r2dbc takes "
					+ "name=value;name=value. search_path and application_name are read as the schema and the "
					+ "application name. Only -c settings can be carried; client_encoding other than UTF8, "
					+ "DateStyle and TimeZone are refused (the drivers set them themselves).",
			Carry.read(ValueReaders.COMMAND_LINE_SETTINGS, ValueReaders.COMMAND_LINE_SETTINGS, ValueReaders.R2DBC_SETTINGS)
				.to(DraftClaims::sessionSettings)
				.pgjdbc((spec) -> spec.session().settings().isEmpty() ? null
						: SessionSettings.formatCommandLine(spec.session().settings()))
				.r2dbc(PostgresqlConnectionFactoryProvider.OPTIONS,
						(spec) -> spec.session().settings().isEmpty() ? null : spec.session().settings())),

	CLIENT_ENCODING(Names.ofLibpq("client_encoding"), Fate.REFUSED,
			"Both Java drivers always use UTF8; UTF8 is accepted.", "UTF8", "UTF-8"),

	STATEMENT_TIMEOUT(Names.ofR2dbc("statementTimeout"), Fate.CONVERTED,
			"Sent by r2dbc as the statement_timeout setting in milliseconds; pgjdbc gets the same setting in "
					+ "options=-c statement_timeout=...",
			Carry.read(ValueReaders.R2DBC_DURATION)
				.to(DraftClaims.asSessionSetting("statement_timeout"))
				.writtenAs(OPTIONS)),

	LOCK_WAIT_TIMEOUT(Names.ofR2dbc("lockWaitTimeout"), Fate.CONVERTED,
			"Sent by r2dbc as the lock_timeout setting in milliseconds; pgjdbc gets the same setting in "
					+ "options=-c lock_timeout=...",
			Carry.read(ValueReaders.R2DBC_DURATION).to(DraftClaims.asSessionSetting("lock_timeout")).writtenAs(OPTIONS)),

	TIME_ZONE(Names.ofR2dbc("timeZone"), Fate.PATH_ONLY,
			"The session time zone of r2dbc connections; pgjdbc sends the JVM's time zone (-Duser.timezone)."),

	READ_ONLY(Names.ofPgjdbc("readOnly"), Fate.REFUSED,
			"pgjdbc's read-only connections have no r2dbc equivalent. For both paths use "
					+ "options=-c default_transaction_read_only=on; false is accepted.",
			"false"),

	READ_ONLY_MODE(Names.ofPgjdbc("readOnlyMode"), Fate.PATH_ONLY,
			"How pgjdbc applies Connection.setReadOnly; r2dbc has no such call."),

	AUTOSAVE(Names.ofPgjdbc("autosave"), Fate.REFUSED,
			"Savepoints around every statement change how errors affect a transaction, and r2dbc cannot do it; "
					+ "never is accepted.",
			"never"),

	CLEANUP_SAVEPOINTS(Names.ofPgjdbc("cleanupSavepoints"), Fate.PATH_ONLY, "Part of pgjdbc's autosave."),

	PREFER_QUERY_MODE(Names.ofPgjdbc("preferQueryMode"), Fate.REFUSED,
			"simple is used where the server side cannot handle the extended protocol (some poolers), and r2dbc "
					+ "always uses it for bound statements; the extended modes are accepted.",
			"extended", "extendedForPrepared", "extendedCacheEverything"),

	STRING_TYPE(Names.ofPgjdbc("stringtype"), Fate.REFUSED,
			"unspecified lets the server cast strings implicitly, which r2dbc never does, so SQL that relies on it "
					+ "would fail on the application path; varchar is accepted.",
			"varchar"),

	REPLICATION(Names.ofPgjdbc("replication").libpq("replication"), Fate.REFUSED,
			"Walsender (replication) connections are not ordinary sessions; r2dbc has a separate API for them."),

	LOG_SERVER_ERROR_DETAIL(Names.ofPgjdbc("logServerErrorDetail"), Fate.REFUSED,
			"false keeps server error details (which may hold parameter values) out of exceptions; r2dbc always "
					+ "includes them. true is accepted.",
			"true"),

	QUERY_TIMEOUT(Names.ofPgjdbc("queryTimeout"), Fate.REFUSED,
			"A client-side timer r2dbc does not have. For both paths use options=-c statement_timeout=<ms>, which "
					+ "the server enforces; 0 is accepted.",
			"0"),

	SOCKET_TIMEOUT(Names.ofPgjdbc("socketTimeout"), Fate.REFUSED,
			"A read timeout r2dbc does not have, so a hung connection would wait forever on the application path. "
					+ "For both paths use options=-c statement_timeout=<ms>; 0 is accepted.",
			"0"),

	LOGIN_TIMEOUT(Names.ofPgjdbc("loginTimeout"), Fate.PATH_ONLY,
			"Bounds the whole pgjdbc connect. r2dbc has no driver setting for it; its pool's "
					+ "maxCreateConnectionTime is the counterpart."),

	CANCEL_SIGNAL_TIMEOUT(Names.ofPgjdbc("cancelSignalTimeout"), Fate.PATH_ONLY, "Timeout of pgjdbc's cancel requests."),

	// The network

	CONNECT_TIMEOUT(Names.ofPgjdbc("connectTimeout").libpq("connect_timeout").r2dbc("connectTimeout"), Fate.CONVERTED,
			"Whole seconds for pgjdbc and libpq (0 means none; libpq reads 1 as 2), a Duration for r2dbc (a bare "
					+ "number there means milliseconds, so it is always written as a Duration). An r2dbc value "
					+ "that is not a whole number of seconds is rounded up for pgjdbc.",
			Carry.read(ValueReaders::pgjdbcSeconds, ValueReaders::libpqSeconds, ValueReaders::r2dbcTimeout)
				.to(DraftClaims::connectTimeout)
				.pgjdbc((spec) -> (spec.socket().connectTimeout() != null)
						? Durations.toWholeSecondsRoundedUp(spec.socket().connectTimeout()) : null)
				.r2dbc(ConnectionFactoryOptions.CONNECT_TIMEOUT, (spec) -> spec.socket().connectTimeout())),

	TCP_KEEP_ALIVE(Names.ofPgjdbc("tcpKeepAlive").libpq("keepalives").r2dbc("tcpKeepAlive"), Fate.CONVERTED,
			"TCP keep-alive: libpq keepalives=1 means true, 0 false. When absent, both Java drivers keep it off "
					+ "(libpq's own default is on).",
			Carry.read(ValueReaders.BOOLEAN, ValueReaders.LIBPQ_KEEPALIVES, ValueReaders.BOOLEAN)
				.to((reading, keepAlive) -> reading.draft().tcpKeepAlive(keepAlive))
				.pgjdbc((spec) -> spec.socket().tcpKeepAlive())
				.r2dbc(PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, (spec) -> spec.socket().tcpKeepAlive())),

	KEEPALIVE_TUNING(Names.ofLibpq("keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout"),
			Fate.REFUSED,
			"Neither Java driver can tune TCP keep-alive timing; keepalives=1 alone is supported."),

	TCP_NO_DELAY(Names.ofPgjdbc("tcpNoDelay").r2dbc("tcpNoDelay"), Fate.TRANSLATED, "TCP_NODELAY.",
			Carry.read(ValueReaders.BOOLEAN)
				.to((reading, noDelay) -> reading.draft().tcpNoDelay(noDelay))
				.pgjdbc((spec) -> spec.socket().tcpNoDelay())
				.r2dbc(PostgresqlConnectionFactoryProvider.TCP_NODELAY, (spec) -> spec.socket().tcpNoDelay())),

	TARGET_SERVER_TYPE(Names.ofPgjdbc("targetServerType").libpq("target_session_attrs").r2dbc("targetServerType"),
			Fate.CONVERTED,
			"any, primary, secondary and preferSecondary carry over (r2dbc then uses its failover protocol, even "
					+ "for one host); pgjdbc's master, slave and preferSlave are their old names. preferPrimary "
					+ "is refused (r2dbc has no such mode). libpq: read-write becomes primary and read-only "
					+ "secondary, which both Java drivers check as libpq does (transaction_read_only); primary, "
					+ "standby and prefer-standby ask whether the server is in recovery, which neither Java driver "
					+ "can check, and are refused. Migrations always use primary.",
			Carry.read(ValueReaders::pgjdbcServerType, ValueReaders::libpqSessionAttributes, ValueReaders::r2dbcServerType)
				.to((reading, type) -> reading.draft().targetServerType(type))
				.pgjdbc((spec) -> (spec.endpoints().targetServerType() != TargetServerType.ANY)
						? spec.endpoints().targetServerType().propertyValue() : null)
				.r2dbc(PostgresqlConnectionFactoryProvider.TARGET_SERVER_TYPE, (spec) -> spec.endpoints().needsFailover()
						? MultiHostConnectionStrategy.TargetServerType
							.fromValue(spec.endpoints().targetServerType().propertyValue())
						: null)),

	LOAD_BALANCE_HOSTS(Names.ofPgjdbc("loadBalanceHosts").libpq("load_balance_hosts").r2dbc("loadBalanceHosts"),
			Fate.CONVERTED,
			"Random host order; libpq's random means true, disable false. Never for migrations.",
			Carry.read(ValueReaders.BOOLEAN, ValueReaders.LIBPQ_LOAD_BALANCE, ValueReaders.BOOLEAN)
				.to((reading, loadBalance) -> reading.draft().loadBalanceHosts(loadBalance))
				.pgjdbc((spec) -> spec.endpoints().loadBalanceHosts() ? true : null)
				.r2dbc(PostgresqlConnectionFactoryProvider.LOAD_BALANCE_HOSTS,
						(spec) -> spec.endpoints().needsFailover() ? spec.endpoints().loadBalanceHosts() : null)),

	HOST_RECHECK(Names.ofPgjdbc("hostRecheckSeconds").r2dbc("hostRecheckTime"), Fate.CONVERTED,
			"Whole seconds for pgjdbc, a Duration for r2dbc (rounded up to whole seconds for pgjdbc).",
			Carry.read(ValueReaders::pgjdbcSeconds, ValueReaders::libpqSeconds, ValueReaders::r2dbcTimeout)
				.to((reading, recheck) -> reading.draft().hostRecheck(recheck))
				.pgjdbc((spec) -> (spec.endpoints().hostRecheck() != null)
						? Durations.toWholeSecondsRoundedUp(spec.endpoints().hostRecheck()) : null)
				.r2dbc(PostgresqlConnectionFactoryProvider.HOST_RECHECK_TIME, (spec) -> spec.endpoints().hostRecheck())),

	LOCAL_SOCKET_ADDRESS(Names.ofPgjdbc("localSocketAddress"), Fate.REFUSED,
			"Binds the client to a local address (changing the network path); r2dbc cannot."),

	SOCKET_FACTORY(Names.ofPgjdbc("socketFactory"), Fate.REFUSED,
			"A custom socket factory (Unix-domain sockets, cloud connectors such as Cloud SQL's, whose own "
					+ "properties like cloudSqlInstance come with it) that r2dbc cannot run. Connect over TCP "
					+ "instead: to the Cloud SQL Auth Proxy, or to the instance's IP address with sslmode=verify-ca."),

	SOCKET_FACTORY_ARG(Names.ofPgjdbc("socketFactoryArg"), Fate.REFUSED,
			"Argument of a custom socket factory, which r2dbc cannot run."),

	SOCKET(Names.ofR2dbc("socket"), Fate.REFUSED,
			"A Unix-domain socket, which pgjdbc cannot reach without a socket-factory library. Use a TCP host."),

	LOOP_RESOURCES(Names.ofR2dbc("loopResources"), Fate.REFUSED,
			"A programmatic object that a URL cannot carry."),

	SEND_BUFFER_SIZE(Names.ofPgjdbc("sendBufferSize"), Fate.PATH_ONLY, "pgjdbc's socket send buffer size."),

	RECEIVE_BUFFER_SIZE(Names.ofPgjdbc("receiveBufferSize"), Fate.PATH_ONLY, "pgjdbc's socket receive buffer size."),

	MAX_SEND_BUFFER_SIZE(Names.ofPgjdbc("maxSendBufferSize"), Fate.PATH_ONLY, "pgjdbc's send buffering."),

	PROTOCOL_VERSION(Names.ofPgjdbc("protocolVersion"), Fate.PATH_ONLY, "Only protocol 3 exists for both drivers."),

	// Statements and results

	PREPARED_STATEMENT_CACHE_QUERIES(
			Names.ofPgjdbc("preparedStatementCacheQueries").r2dbc("preparedStatementCacheQueries"), Fate.TRANSLATED,
			"Size of the per-connection prepared-statement cache; 0 disables it (for transaction-mode poolers). "
					+ "r2dbc's -1 (unbounded, its default) cannot be expressed for pgjdbc and is refused.",
			Carry.read(ValueReaders.CACHE_SIZE)
				.to((reading, size) -> reading.draft().preparedStatementCacheQueries(size))
				.pgjdbc((spec) -> spec.session().preparedStatementCacheQueries())
				.r2dbc(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES,
						(spec) -> spec.session().preparedStatementCacheQueries())),

	PGBOUNCER(Names.ofLibpq("pgbouncer"), Fate.CONVERTED,
			"Prisma's parameter, found in Supabase's pooler URLs: true says a transaction pooler is in front, so "
					+ "the application path gets no server-side prepared statements (pgjdbc prepareThreshold=0 and, "
					+ "on both drivers, preparedStatementCacheQueries=0) and migrations never go through it: they use "
					+ "the migration URL or the provider's direct endpoint, or are refused; false changes nothing. "
					+ "libpq itself refuses the name, so such a URL does not work in psql.",
			Carry.read(ValueReaders.BOOLEAN)
				.to(DraftClaims::transactionPooler)
				.writtenAs(PREPARED_STATEMENT_CACHE_QUERIES)),

	PREPARE_THRESHOLD(Names.ofPgjdbc("prepareThreshold"), Fate.PATH_ONLY,
			"Executions before pgjdbc names a statement on the server. For a transaction-mode pooler also set "
					+ "preparedStatementCacheQueries=0, which both drivers honour."),

	PREPARED_STATEMENT_CACHE_SIZE_MIB(Names.ofPgjdbc("preparedStatementCacheSizeMiB"), Fate.PATH_ONLY,
			"pgjdbc's statement cache size in MiB."),

	DEFAULT_ROW_FETCH_SIZE(Names.ofPgjdbc("defaultRowFetchSize"), Fate.PATH_ONLY,
			"pgjdbc fetches in batches only outside auto-commit; r2dbc's fetchSize uses cursors even in "
					+ "auto-commit, so the two are kept apart."),

	FETCH_SIZE(Names.ofR2dbc("fetchSize"), Fate.PATH_ONLY, "See defaultRowFetchSize."),

	ADAPTIVE_FETCH(Names.ofPgjdbc("adaptiveFetch", "adaptiveFetchMaximum", "adaptiveFetchMinimum"), Fate.PATH_ONLY,
			"pgjdbc's adaptive fetch sizing."),

	MAX_RESULT_BUFFER(Names.ofPgjdbc("maxResultBuffer"), Fate.PATH_ONLY,
			"pgjdbc's cap on buffered result bytes; r2dbc streams rows."),

	BINARY_TRANSFER(Names.ofPgjdbc("binaryTransfer", "binaryTransferEnable", "binaryTransferDisable"),
			Fate.PATH_ONLY, "pgjdbc's choice of binary formats per type."),

	FORCE_BINARY(Names.ofR2dbc("forceBinary"), Fate.PATH_ONLY, "r2dbc's choice of binary result formats."),

	REWRITE_BATCHED_INSERTS(Names.ofPgjdbc("reWriteBatchedInserts", "reWriteBatchedInsertsSize"), Fate.PATH_ONLY,
			"pgjdbc's multi-row INSERT rewriting."),

	ALLOW_ENCODING_CHANGES(Names.ofPgjdbc("allowEncodingChanges"), Fate.PATH_ONLY,
			"Lets pgjdbc accept client_encoding changes."),

	ASSUME_MIN_SERVER_VERSION(Names.ofPgjdbc("assumeMinServerVersion"), Fate.PATH_ONLY,
			"Skips pgjdbc's server version checks."),

	GROUP_STARTUP_PARAMETERS(Names.ofPgjdbc("groupStartupParameters"), Fate.PATH_ONLY,
			"How pgjdbc sends its session setup."),

	QUOTE_RETURNING_IDENTIFIERS(Names.ofPgjdbc("quoteReturningIdentifiers"), Fate.PATH_ONLY,
			"pgjdbc's generated-keys RETURNING clause."),

	ESCAPE_SYNTAX_CALL_MODE(Names.ofPgjdbc("escapeSyntaxCallMode"), Fate.PATH_ONLY,
			"How pgjdbc rewrites JDBC {call} escapes."),

	FLUSH_CACHE_ON_DDL(Names.ofPgjdbc("flushCacheOnDdl"), Fate.PATH_ONLY, "pgjdbc's statement cache invalidation."),

	CONVERT_BOOLEAN_TO_NUMERIC(Names.ofPgjdbc("convertBooleanToNumeric"), Fate.PATH_ONLY,
			"A JDBC getter conversion."),

	DISABLE_COLUMN_SANITISER(Names.ofPgjdbc("disableColumnSanitiser"), Fate.PATH_ONLY,
			"JDBC result-set column name handling."),

	UNKNOWN_LENGTH(Names.ofPgjdbc("unknownLength"), Fate.PATH_ONLY, "JDBC metadata for unbounded types."),

	DATABASE_METADATA_CACHE(Names.ofPgjdbc("databaseMetadataCacheFields", "databaseMetadataCacheFieldsMiB"),
			Fate.PATH_ONLY, "pgjdbc's metadata cache."),

	HIDE_UNPRIVILEGED_OBJECTS(Names.ofPgjdbc("hideUnprivilegedObjects"), Fate.PATH_ONLY, "A JDBC metadata filter."),

	PEM_KEY_ALGORITHM(Names.ofPgjdbc("pemKeyAlgorithm"), Fate.PATH_ONLY,
			"The algorithm pgjdbc reads a PEM key file with. Without effect: Duality reads the key itself and hands "
					+ "it to pgjdbc in memory."),

	XML_FACTORY_FACTORY(Names.ofPgjdbc("xmlFactoryFactory"), Fate.PATH_ONLY, "pgjdbc's SQLXML parser factory."),

	CLASS_LOADER_STRATEGY(Names.ofPgjdbc("classLoaderStrategy"), Fate.PATH_ONLY,
			"Where pgjdbc loads classes named by its properties."),

	CONNECT_EXECUTOR(Names.ofPgjdbc("connectExecutor", "connectExecutorArg"), Fate.PATH_ONLY,
			"The executor pgjdbc runs loginTimeout connects on."),

	LOG_UNCLOSED_CONNECTIONS(Names.ofPgjdbc("logUnclosedConnections"), Fate.PATH_ONLY, "pgjdbc's leak tracing."),

	LOGGER(Names.ofPgjdbc("loggerLevel", "loggerFile"), Fate.PATH_ONLY, "No longer used by pgjdbc."),

	AUTODETECT_EXTENSIONS(Names.ofR2dbc("autodetectExtensions"), Fate.PATH_ONLY, "r2dbc's codec discovery."),

	EXTENSIONS(Names.ofR2dbc("extensions"), Fate.REFUSED, "A programmatic object that a URL cannot carry."),

	COMPATIBILITY_MODE(Names.ofR2dbc("compatibilityMode"), Fate.PATH_ONLY,
			"Makes r2dbc avoid cursors in auto-commit (for pgpool); pgjdbc never uses them there."),

	LOG_LEVELS(Names.ofR2dbc("errorResponseLogLevel", "noticeLogLevel"), Fate.PATH_ONLY,
			"r2dbc's log levels for server errors and notices."),

	MAX_MESSAGE_SIZE(Names.ofR2dbc("maxMessageSize"), Fate.PATH_ONLY, "r2dbc's cap on one protocol message."),

	PREFER_ATTACHED_BUFFERS(Names.ofR2dbc("preferAttachedBuffers"), Fate.PATH_ONLY, "r2dbc's buffer handling."),

	POOL(Names.ofR2dbc("acquireRetry", "backgroundEvictionInterval", "initialSize", "maxSize", "minIdle",
			"maxAcquireTime", "maxCreateConnectionTime", "maxIdleTime", "maxLifeTime", "maxValidationTime",
			"poolName", "registerJmx", "postAllocate", "preRelease", "validationQuery", "validationDepth"),
			Fate.REFUSED,
			"r2dbc-pool settings, read by the pool, not by a connection: the r2dbc:pool: prefix is dropped and the "
					+ "pool has one place for its settings, spring.r2dbc.pool.* (the refusal names the property and "
					+ "value to set); poolName, registerJmx, backgroundEvictionInterval, postAllocate and preRelease "
					+ "have none there.");

	/** Each r2dbc-pool option of {@link #POOL} that Spring Boot's R2DBC auto-configuration has a property for. */
	private static final Map<String, String> SPRING_POOL_PROPERTIES = Map.ofEntries(
			Map.entry("acquireRetry", "spring.r2dbc.pool.acquire-retry"),
			Map.entry("initialSize", "spring.r2dbc.pool.initial-size"),
			Map.entry("maxSize", "spring.r2dbc.pool.max-size"), Map.entry("minIdle", "spring.r2dbc.pool.min-idle"),
			Map.entry("maxAcquireTime", "spring.r2dbc.pool.max-acquire-time"),
			Map.entry("maxCreateConnectionTime", "spring.r2dbc.pool.max-create-connection-time"),
			Map.entry("maxIdleTime", "spring.r2dbc.pool.max-idle-time"),
			Map.entry("maxLifeTime", "spring.r2dbc.pool.max-life-time"),
			Map.entry("maxValidationTime", "spring.r2dbc.pool.max-validation-time"),
			Map.entry("validationQuery", "spring.r2dbc.pool.validation-query"),
			Map.entry("validationDepth", "spring.r2dbc.pool.validation-depth"));

	/** Per family, each name's parameter (the first row that has the name), built once. */
	private static final Map<ParameterFamily, Map<String, Parameter>> BY_NAME = indexByName();

	private final Names names;

	private final Fate fate;

	private final String note;

	private final List<String> acceptedValues;

	private final @Nullable Carry<?> carry;

	Parameter(Names names, Fate fate, String note, String... acceptedValues) {
		this(names, fate, note, List.of(acceptedValues), null);
	}

	Parameter(Names names, Fate fate, String note, Carry<?> carry) {
		this(names, fate, note, List.of(), carry);
	}

	Parameter(Names names, Fate fate, String note, List<String> acceptedValues, @Nullable Carry<?> carry) {
		this.names = names;
		this.fate = fate;
		this.note = note;
		this.acceptedValues = acceptedValues;
		this.carry = carry;
	}

	/** The names this parameter has in a family, preferred spelling first; empty if the family has none. */
	public List<String> names(ParameterFamily family) {
		return switch (family) {
			case PGJDBC -> this.names.pgjdbc();
			case LIBPQ -> this.names.libpq();
			case R2DBC -> this.names.r2dbc();
		};
	}

	/** The name messages and targets use in a family: the first of {@link #names(ParameterFamily)}. */
	public String preferredName(ParameterFamily family) {
		return names(family).get(0);
	}

	/** The Spring Boot property that sets an r2dbc-pool option of {@link #POOL}, if Boot has one. */
	public static Optional<String> springPoolProperty(String option) {
		return Optional.ofNullable(SPRING_POOL_PROPERTIES.get(option));
	}

	/** How a row carried to both drivers travels; empty for the other fates. */
	public Optional<Carry<?>> carry() {
		return Optional.ofNullable(this.carry);
	}

	public Fate fate() {
		return this.fate;
	}

	/** What happens to the parameter and why, in one or two sentences. */
	public String note() {
		return this.note;
	}

	/**
	 * For a {@link Fate#REFUSED} parameter, the values that are nevertheless accepted because they change nothing
	 * (usually the driver's default); compared ignoring case. Empty for the other fates.
	 */
	public List<String> acceptedValues() {
		return this.acceptedValues;
	}

	/** The table, one row per parameter, in a stable order. */
	public static List<Parameter> table() {
		return List.of(values());
	}

	/** The parameter a name (case-sensitive, as both drivers read names) denotes in a family. */
	public static Optional<Parameter> find(ParameterFamily family, String name) {
		return Optional.ofNullable(BY_NAME.get(family).get(name));
	}

	private static Map<ParameterFamily, Map<String, Parameter>> indexByName() {
		Map<ParameterFamily, Map<String, Parameter>> index = new EnumMap<>(ParameterFamily.class);
		for (ParameterFamily family : ParameterFamily.values()) {
			Map<String, Parameter> byName = new HashMap<>();
			for (Parameter parameter : values()) {
				parameter.names(family).forEach((name) -> byName.putIfAbsent(name, parameter));
			}
			index.put(family, Map.copyOf(byName));
		}
		return index;
	}

	public boolean accepts(String value) {
		return this.acceptedValues.stream()
			.anyMatch((accepted) -> accepted.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)));
	}

	/**
	 * What happens to a parameter when both targets are derived.
	 */
	public enum Fate {

		/** Same meaning on both paths, at most renamed. */
		TRANSLATED,

		/** Carried to both paths with a change of form: units, value spelling, structure. */
		CONVERTED,

		/** Stays on its own driver's path only, where it is harmless; the notes say so. */
		PATH_ONLY,

		/** Refused: dropping it would weaken security or silently change behaviour. */
		REFUSED

	}

	/** Typed as Object, so that loading the table does not load ChannelBindingMode (see CHANNEL_BINDING). */
	private static @Nullable Object channelBindingMode(ConnectionSpec spec) {
		return (spec.tls().channelBinding() != null) ? ChannelBindingMode.fromValue(spec.tls().channelBinding()) : null;
	}

	private record Names(List<String> pgjdbc, List<String> libpq, List<String> r2dbc) {

		static Names ofPgjdbc(String... names) {
			return new Names(List.of(names), List.of(), List.of());
		}

		static Names ofLibpq(String... names) {
			return new Names(List.of(), List.of(names), List.of());
		}

		static Names ofR2dbc(String... names) {
			return new Names(List.of(), List.of(), List.of(names));
		}

		Names libpq(String... names) {
			return new Names(this.pgjdbc, List.of(names), this.r2dbc);
		}

		Names r2dbc(String... names) {
			return new Names(this.pgjdbc, this.libpq, List.of(names));
		}

	}

}
