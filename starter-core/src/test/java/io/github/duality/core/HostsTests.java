package io.github.duality.core;

import java.nio.file.Path;
import java.time.Duration;

import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.TargetServerType;
import io.r2dbc.postgresql.MultiHostConnectionStrategy;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Host lists, IPv6, Unix sockets and the host selection settings.
 */
class HostsTests {

	@TempDir
	Path home;

	@ParameterizedTest
	@ValueSource(strings = { "postgresql://u@h1:5432,h2:5433/app", "postgresql+psycopg2://u@/app?host=h1:5432&host=h2:5433",
			"postgresql://u@/app?host=h1,h2&port=5432,5433", "jdbc:postgresql://h1:5432,h2:5433/app?user=u",
			"r2dbc:postgresql:failover://u@h1:5432,h2:5433/app" })
	void hostListsUseR2dbcFailover(String url) {
		DerivedConnection derived = derive(url);
		assertThat(derived.spec().endpoints().hosts()).containsExactly(new HostAndPort("h1", 5432), new HostAndPort("h2", 5433));
		ConnectionFactoryOptions options = derived.r2dbc().options();
		assertThat(options.getValue(ConnectionFactoryOptions.PROTOCOL)).isEqualTo("failover");
		assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("h1:5432,h2:5433");
		assertThat(options.hasOption(ConnectionFactoryOptions.PORT)).isFalse();
		assertThat(derived.jdbc().url()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/app");
	}

	@Test
	void onePortForAllHosts() {
		assertThat(derive("postgresql://u@/app?host=h1,h2&port=6000").spec().endpoints().hosts())
			.containsExactly(new HostAndPort("h1", 6000), new HostAndPort("h2", 6000));
	}

	@Test
	void singleHostWithTargetServerTypeUsesFailoverToo() {
		DerivedConnection derived = derive("postgresql://u@db:6000/app?target_session_attrs=read-write");
		assertThat(derived.spec().endpoints().targetServerType()).isEqualTo(TargetServerType.PRIMARY);
		ConnectionFactoryOptions options = derived.r2dbc().options();
		assertThat(options.getValue(ConnectionFactoryOptions.PROTOCOL)).isEqualTo("failover");
		assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db:6000");
		assertThat(derived.notes()).anyMatch((note) -> note.contains("read-write"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://h1,h2/app?user=u&targetServerType  | master          | primary
			jdbc:postgresql://h1,h2/app?user=u&targetServerType  | slave           | secondary
			jdbc:postgresql://h1,h2/app?user=u&targetServerType  | preferSlave     | preferSecondary
			jdbc:postgresql://h1,h2/app?user=u&targetServerType  | any             | any
			postgresql://u@h1,h2/app?target_session_attrs        | read-write      | primary
			postgresql://u@h1,h2/app?target_session_attrs        | read-only       | secondary
			r2dbc:postgresql:failover://u@h1,h2/app?targetServerType | PREFER_SECONDARY | preferSecondary
			r2dbc:postgresql:failover://u@h1,h2/app?targetServerType | primary      | primary
			""")
	void targetServerTypeCarriesOver(String url, String value, String expected) {
		DerivedConnection derived = derive(url + "=" + value);
		assertThat(derived.spec().endpoints().targetServerType().propertyValue()).isEqualTo(expected);
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.TARGET_SERVER_TYPE))
			.isEqualTo(MultiHostConnectionStrategy.TargetServerType.fromValue(expected));
		if (!expected.equals("any")) {
			assertThat(derived.jdbc().properties()).contains(entry("targetServerType", expected));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			primary         | read-write
			standby         | read-only
			prefer-standby  | read-only
			""")
	void libpqRecoveryStateValuesAreRefusedForTheReadOnlyCheckBothJavaDriversMake(String value, String instead) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@h1,h2/app?target_session_attrs=" + value))
			.satisfies((ex) -> {
				assertThat(ex.getParameter()).isEqualTo("target_session_attrs");
				assertThat(ex.getProblem()).contains("recovery");
				assertThat(ex.getFix()).startsWith("Use target_session_attrs=" + instead);
			});
	}

	@Test
	void preferPrimaryIsRefused() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://h1,h2/app?user=u&targetServerType=preferPrimary"))
			.withMessageContaining("r2dbc");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://h1,h2/app?user=u&targetServerType=PRIMARY"))
			.withMessageContaining("case-sensitively");
	}

	@Test
	void loadBalancingAndRecheckCarryOver() {
		DerivedConnection derived = derive("postgresql://u@h1,h2/app?load_balance_hosts=random");
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.LOAD_BALANCE_HOSTS))
			.isEqualTo(true);
		assertThat(derived.jdbc().properties()).contains(entry("loadBalanceHosts", "true"));
		derived = derive("jdbc:postgresql://h1,h2/app?user=u&hostRecheckSeconds=30");
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.HOST_RECHECK_TIME))
			.isEqualTo(Duration.ofSeconds(30));
		derived = derive("r2dbc:postgresql:failover://u@h1,h2/app?hostRecheckTime=1500ms");
		assertThat(derived.jdbc().properties()).contains(entry("hostRecheckSeconds", "2"));
	}

	@Test
	void singleIpv6HostWorks() {
		for (String url : new String[] { "postgresql://u@[::1]:6000/app", "jdbc:postgresql://[::1]:6000/app?user=u",
				"r2dbc:postgresql://u@[::1]:6000/app" }) {
			DerivedConnection derived = derive(url);
			assertThat(derived.spec().endpoints().hosts()).containsExactly(new HostAndPort("::1", 6000));
			assertThat(derived.jdbc().url()).isEqualTo("jdbc:postgresql://[::1]:6000/app");
			assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.HOST)).isEqualTo("[::1]");
		}
	}

	@Test
	void ipv6InAnR2dbcHostListIsRefused() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@[::1]:5432,h2/app"))
			.withMessageContaining("IPv6");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@[::1]/app?target_session_attrs=read-write"))
			.withMessageContaining("IPv6");
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql://u@/app?host=/var/run/postgresql", "postgresql://u@/app",
			"postgresql:///app", "postgresql://u@%2Fvar%2Frun%2Fpostgresql/app",
			"r2dbc:postgresql://u@localhost/app?socket=/tmp/.s.PGSQL.5432" })
	void unixSocketsAreRefusedWithAFix(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url))
			.satisfies((ex) -> assertThat(ex.getFix()).isNotBlank());
	}

	@Test
	void r2dbcHostListWithoutFailoverIsRefused() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("r2dbc:postgresql://u@h1:5432,h2:5432/app"))
			.withMessageContaining("failover");
	}

	@Test
	void r2dbcUnderscoreHostThatWouldLoseItsPortIsRefused() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("r2dbc:postgresql://u@my_db:5433/app"))
			.withMessageContaining("'_'");
	}

	@Test
	void underscoreHostFromOtherFormsIsRenderedSafelyForR2dbc() {
		DerivedConnection derived = derive("postgresql://u@my_db:5433/app");
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.HOST)).isEqualTo("my_db");
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.PORT)).isEqualTo(5433);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql://u@db:0/app", "postgresql://u@db:70000/app", "postgresql://u@db:x/app",
			"postgresql://u@h1,,h2/app", "postgresql://u@[::1/app", "postgresql://u@db%20x/app",
			"postgresql://u@d%C3%A9/app", "postgresql://u@/app?host=h1&port=1,2,3",
			"postgresql://u@db:5432/app?port=5433", "postgresql://u@db/app?host=other" })
	void malformedHostsAndPortsAreRefused(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url));
	}

	private DerivedConnection derive(String url) {
		return DatabaseUrl.derive(url, null, null, this.home);
	}

}
