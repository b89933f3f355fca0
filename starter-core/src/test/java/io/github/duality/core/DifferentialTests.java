package io.github.duality.core;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.model.SslMode;
import io.github.duality.core.parameter.SessionSettings;
import io.r2dbc.postgresql.client.MultiHostConfiguration;
import io.r2dbc.postgresql.client.SSLConfig;
import io.r2dbc.postgresql.client.SingleHostConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.Driver;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every derived target, read back by the drivers' own code (pgjdbc's {@code Driver.parseURL} with the properties
 * merged in, r2dbc-postgresql's provider building its configuration), gives the values the input states.
 */
class DifferentialTests {

	private static final String HOSTILE = "p@ss:w/rd?&=%+ #é";

	@TempDir
	static Path home;

	static String ca;

	@BeforeAll
	static void trustAnchors() throws Exception {
		Files.createDirectories(home.resolve(".postgresql"));
		ca = TlsFixtures.certificate(home, "ca.pem");
		TlsFixtures.certificate(home.resolve(".postgresql"), "root.crt");
	}

	static Stream<Case> corpus() {
		String defaultRoot = home.resolve(".postgresql/root.crt").toString();
		List<Case> corpus = new ArrayList<>();
		corpus.add(new Case("postgres://u:p%40ss@db.example.com:5432/app?sslmode=verify-full&sslrootcert=" + ca)
			.password("p@ss")
			.database("app")
			.host("db.example.com", 5432)
			.ssl(SslMode.VERIFY_FULL)
			.rootCert(ca));
		corpus.add(new Case("jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary&connectTimeout=10"
				+ "&currentSchema=s1&ApplicationName=x").arguments("u", null)
			.host("h1", 5432)
			.host("h2", 5433)
			.database("app")
			.schema("s1")
			.applicationName("x")
			.connectTimeout(Duration.ofSeconds(10)));
		corpus.add(new Case("postgresql+asyncpg://u:pw@host/app?ssl=require").password("pw").host("host", 5432)
			.database("app")
			.ssl(SslMode.REQUIRE));
		corpus.add(new Case("postgresql://u@db/app").database("app"));
		corpus.add(new Case("postgres://u:a+b@db:6543/my%2Bdb").password("a+b").host("db", 6543).database("my+db"));
		corpus.add(new Case("postgresql://u:%F0%9F%94%91%C3%A9@db/app").password("\uD83D\uDD11é").database("app"));
		corpus.add(new Case("postgresql://u@[::1]:6000/app").host("::1", 6000).database("app"));
		corpus.add(new Case("postgresql+psycopg2://u@/app?host=h1:5432&host=h2:5433&target_session_attrs=read-only")
			.host("h1", 5432)
			.host("h2", 5433)
			.database("app"));
		corpus.add(new Case("postgresql://u@h1,h2/app?port=5433&load_balance_hosts=random").host("h1", 5433)
			.host("h2", 5433)
			.database("app"));
		corpus.add(new Case("postgresql+psycopg2://u:pw@db/app?sslmode=require&application_name=worker"
				+ "&options=-c%20search_path%3Dtenant1%2Cpublic%20-c%20statement_timeout%3D5000")
			.password("pw")
			.database("app")
			.ssl(SslMode.REQUIRE)
			.applicationName("worker")
			.schema("tenant1,public")
			.setting("statement_timeout", "5000"));
		corpus.add(new Case("postgresql+psycopg://u:pw@db/app?sslmode=disable&connect_timeout=5").password("pw")
			.database("app")
			.ssl(SslMode.DISABLE)
			.connectTimeout(Duration.ofSeconds(5)));
		corpus.add(new Case("postgresql+pg8000://u:pw@db/app?application_name=pg8000app").password("pw")
			.database("app")
			.applicationName("pg8000app"));
		corpus.add(new Case("jdbc:postgresql://db/app?user=u&password=p%2Bw%20x").password("p+w x").database("app"));
		corpus.add(new Case("jdbc:postgresql://db/app?user=u&password=a+b").password("a b").database("app"));
		corpus.add(new Case("jdbc:postgresql://db/app?user=u&ssl=true").database("app")
			.ssl(SslMode.VERIFY_FULL)
			.rootCert(defaultRoot));
		corpus.add(new Case("jdbc:postgresql://db/app?user=u&ssl=false").database("app"));
		corpus.add(new Case("jdbc:postgresql://[::1]:6000/app?user=u&sslmode=require").host("::1", 6000)
			.database("app")
			.ssl(SslMode.REQUIRE));
		corpus.add(new Case("jdbc:postgresql://db:6000/my%20db?user=u&options=-c%20search_path%3Ds2%20-c%20"
				+ "statement_timeout%3D5000")
			.host("db", 6000)
			.database("my db")
			.schema("s2")
			.setting("statement_timeout", "5000"));
		corpus.add(new Case("jdbc:postgresql:app?user=u").host("localhost", 5432).database("app"));
		corpus.add(new Case("jdbc:postgresql://db/app?user=u&sslmode=verify-ca"
				+ "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory")
			.database("app")
			.ssl(SslMode.VERIFY_CA));
		corpus.add(new Case("r2dbc:postgresql://u:pw@db/app").password("pw").database("app").ssl(SslMode.DISABLE));
		corpus.add(new Case("r2dbc:postgresql://u:p%2Bw+x@db:6000/app?sslMode=require").password("p+w x")
			.host("db", 6000)
			.database("app")
			.ssl(SslMode.REQUIRE));
		corpus.add(new Case("r2dbcs:postgresql://u:pw@db/app").password("pw").database("app").ssl(SslMode.VERIFY_FULL));
		corpus.add(new Case("r2dbc:pool:postgresql://u:pw@db/app?sslmode=prefer&schema=s3&applicationName=r2")
			.password("pw")
			.database("app")
			.schema("s3")
			.applicationName("r2"));
		corpus.add(new Case("r2dbc:postgresql:failover://u:pw@h1:5432,h2:5433/app?targetServerType=preferSecondary")
			.password("pw")
			.host("h1", 5432)
			.host("h2", 5433)
			.database("app")
			.ssl(SslMode.DISABLE));
		corpus.add(new Case("r2dbc:postgres://u:pw@db/app?sslMode=verify-ca&sslRootCert=" + ca
				+ "&connectTimeout=PT3S")
			.password("pw")
			.database("app")
			.ssl(SslMode.VERIFY_CA)
			.rootCert(ca)
			.connectTimeout(Duration.ofSeconds(3)));
		corpus.add(new Case("r2dbc:postgresql://u:pw@db/app?options=search_path%3Ds4%3Bstatement_timeout%3D1000")
			.password("pw")
			.database("app")
			.ssl(SslMode.DISABLE)
			.schema("s4")
			.setting("statement_timeout", "1000"));
		corpus.add(new Case("postgres://u@db/app").arguments(null, HOSTILE).password(HOSTILE).database("app"));
		corpus.add(new Case("jdbc:postgresql://db/app").arguments("u", HOSTILE).password(HOSTILE).database("app"));
		corpus.add(new Case("r2dbc:postgresql://db/app").arguments("u", HOSTILE)
			.password(HOSTILE)
			.database("app")
			.ssl(SslMode.DISABLE));
		corpus.add(new Case("postgresql://u@db/app?sslrootcert=system").database("app").ssl(SslMode.VERIFY_FULL));
		corpus.add(new Case("postgresql://u@db").database("u"));
		return corpus.stream();
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void pgjdbcReadsWhatTheInputStates(Case input) {
		DerivedConnection derived = input.derive();
		Properties withoutProperties = Driver.parseURL(derived.jdbc().url(), null);
		assertThat(withoutProperties).as("credentials in the JDBC URL").doesNotContainKeys("user", "password");
		Properties parsed = Driver.parseURL(derived.jdbc().url(), derived.jdbc().properties());
		assertThat(pgjdbcHosts(parsed)).isEqualTo(input.hosts());
		assertThat(parsed.getProperty("PGDBNAME")).isEqualTo(input.database);
		assertThat(parsed.getProperty("user")).isEqualTo(input.user);
		assertThat(parsed.getProperty("password")).isEqualTo(input.password);
		assertThat(parsed.getProperty("sslmode")).isEqualTo(input.sslMode.libpqName());
		assertThat(parsed.getProperty("sslrootcert")).isEqualTo(input.rootCert);
		assertThat(parsed.getProperty("currentSchema")).isEqualTo(input.schema);
		assertThat(parsed.getProperty("ApplicationName")).isEqualTo(input.applicationName);
		assertThat(parsed.getProperty("connectTimeout"))
			.isEqualTo((input.connectTimeout != null) ? Long.toString(input.connectTimeout.getSeconds()) : null);
		assertThat(SessionSettings.parseCommandLine(parsed.getProperty("options", ""), "options"))
			.isEqualTo(input.settings);
		Properties migration = Driver.parseURL(derived.migrationJdbc().url(), derived.migrationJdbc().properties());
		assertThat(migration.getProperty("targetServerType")).isEqualTo("primary");
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void r2dbcReadsWhatTheInputStates(Case input) throws Exception {
		DerivedConnection derived = input.derive();
		ConnectionFactory factory = ConnectionFactories.get(derived.r2dbc().options());
		Object configuration = call(factory, "getConfiguration");
		MultiHostConfiguration multiHost = (MultiHostConfiguration) call(configuration, "getMultiHostConfiguration");
		List<HostAndPort> hosts = new ArrayList<>();
		if (multiHost != null) {
			multiHost.getHosts().forEach((host) -> hosts.add(new HostAndPort(host.getHost(), host.getPort())));
		}
		else {
			SingleHostConfiguration singleHost = (SingleHostConfiguration) call(configuration,
					"getSingleHostConfiguration");
			hosts.add(new HostAndPort(withoutBrackets(singleHost.getHost()), singleHost.getPort()));
		}
		assertThat(hosts).isEqualTo(input.hosts());
		assertThat(call(configuration, "getDatabase")).isEqualTo(input.database);
		assertThat(Mono.from((org.reactivestreams.Publisher<?>) call(configuration, "getUsername")).block())
			.isEqualTo(input.user);
		Object password = Mono.from((org.reactivestreams.Publisher<?>) call(configuration, "getPassword")).block();
		assertThat((password != null) ? password.toString() : null).isEqualTo(input.password);
		SSLConfig ssl = (SSLConfig) call(configuration, "getSslConfig");
		assertThat(ssl.getSslMode().toString()).isEqualTo(input.sslMode.libpqName());
		@SuppressWarnings("unchecked")
		Map<String, String> startupOptions = new LinkedHashMap<>(
				(Map<String, String>) call(configuration, "getOptions"));
		assertThat(startupOptions.remove("search_path")).isEqualTo(input.schema);
		assertThat(startupOptions).isEqualTo(input.settings);
		assertThat(call(configuration, "getApplicationName"))
			.isEqualTo((input.applicationName != null) ? input.applicationName : "r2dbc-postgresql");
		assertThat(call(configuration, "getConnectTimeout")).isEqualTo(input.connectTimeout);
	}

	private static List<HostAndPort> pgjdbcHosts(Properties parsed) {
		String[] hosts = parsed.getProperty("PGHOST").split(",");
		String[] ports = parsed.getProperty("PGPORT").split(",");
		List<HostAndPort> addresses = new ArrayList<>();
		for (int i = 0; i < hosts.length; i++) {
			addresses.add(new HostAndPort(withoutBrackets(hosts[i]), Integer.parseInt(ports[i])));
		}
		return addresses;
	}

	private static String withoutBrackets(String host) {
		return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
	}

	/** r2dbc-postgresql keeps its configuration getters package-private. */
	private static Object call(Object target, String getter) throws Exception {
		Method method = target.getClass().getDeclaredMethod(getter);
		method.setAccessible(true);
		return method.invoke(target);
	}

	/**
	 * One input and what it states; unstated values are the input family's defaults (user {@code u}, host
	 * {@code db:5432}, sslmode prefer).
	 */
	static final class Case {

		private final String url;

		private String username;

		private String passwordArgument;

		private final List<HostAndPort> hosts = new ArrayList<>();

		private String database;

		private String user = "u";

		private String password;

		private SslMode sslMode = SslMode.PREFER;

		private String rootCert;

		private String schema;

		private String applicationName;

		private Duration connectTimeout;

		private final Map<String, String> settings = new LinkedHashMap<>();

		Case(String url) {
			this.url = url;
		}

		Case arguments(String username, String password) {
			this.username = username;
			this.passwordArgument = password;
			return this;
		}

		Case host(String host, int port) {
			this.hosts.add(new HostAndPort(host, port));
			return this;
		}

		Case database(String database) {
			this.database = database;
			return this;
		}

		Case password(String password) {
			this.password = password;
			return this;
		}

		Case ssl(SslMode sslMode) {
			this.sslMode = sslMode;
			return this;
		}

		Case rootCert(String rootCert) {
			this.rootCert = rootCert;
			return this;
		}

		Case schema(String schema) {
			this.schema = schema;
			return this;
		}

		Case applicationName(String applicationName) {
			this.applicationName = applicationName;
			return this;
		}

		Case connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		Case setting(String name, String value) {
			this.settings.put(name, value);
			return this;
		}

		List<HostAndPort> hosts() {
			return this.hosts.isEmpty() ? List.of(new HostAndPort("db", 5432)) : this.hosts;
		}

		DerivedConnection derive() {
			return DatabaseUrl.derive(this.url, this.username, this.passwordArgument, home);
		}

		@Override
		public String toString() {
			return Secrets.mask(this.url);
		}

	}

}
