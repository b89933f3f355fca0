package io.github.duality.core;

import java.nio.file.Path;

import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The smaller differences a new user meets: IPv6 zone ids, ports out of range, control characters in names,
 * SQLAlchemy's own reading of its URLs and libpq's single host= keyword.
 */
class SmallDifferencesTests {

	@TempDir
	Path home;

	@ParameterizedTest
	@ValueSource(strings = { "postgresql://u@[fe80::1%25eth0]:5433/app", "jdbc:postgresql://[fe80::1%25eth0]:5433/app",
			"r2dbc:postgresql://u@[fe80::1%25eth0]:5433/app", "postgresql://u@/app?host=fe80::1%25eth0&port=5433" })
	void ipv6ZoneIdIsDecodedOnBothTargets(String url) {
		DerivedConnection derived = derive(url, "u");
		assertThat(derived.spec().endpoints().hosts()).containsExactly(new HostAndPort("fe80::1%eth0", 5433));
		assertThat(Driver.parseURL(derived.jdbc().url(), null).getProperty("PGHOST")).isEqualTo("[fe80::1%eth0]");
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.HOST).toString())
			.contains("fe80::1%eth0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "r2dbc:postgresql://u@h:99999/app", "r2dbc:postgresql://u@h:0/app" })
	void r2dbcPortOutOfRangeIsRefused(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url, null))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("port"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql://u@h/ap%0Ap", "jdbc:postgresql://h/ap%0Ap?user=u",
			"r2dbc:postgresql://u@h/ap%0Ap", "postgresql://u%0A@h/app" })
	void controlCharactersInNamesAreRefused(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url, null))
			.withMessageContaining("control character");
	}

	@Test
	void sqlAlchemyReadsAPlusInTheQueryAsASpace() {
		assertThat(derive("postgresql+psycopg2://u@h/app?application_name=billing+api", null).spec()
			.session().applicationName()).isEqualTo("billing api");
		assertThat(derive("postgresql://u@h/app?application_name=billing+api", null).spec().session().applicationName())
			.isEqualTo("billing+api");
	}

	@Test
	void sqlAlchemyKeepsTheDatabaseNameAsWritten() {
		DerivedConnection derived = derive("postgresql+asyncpg://u@h/my%2Bdb", null);
		assertThat(derived.spec().session().database()).isEqualTo("my%2Bdb");
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("my%2Bdb");
		assertThat(derive("postgresql://u@h/my%2Bdb", null).spec().session().database()).isEqualTo("my+db");
	}

	@Test
	void sqlAlchemyRepeatedHostIsAHostList() {
		assertThat(derive("postgresql+psycopg2://u@/app?host=h1:5432&host=h2:5433", null).spec().endpoints().hosts())
			.containsExactly(new HostAndPort("h1", 5432), new HostAndPort("h2", 5433));
	}

	@Test
	void libpqKeepsOneHostKeywordSoASecondIsRefused() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@/app?host=h1&host=h2", null))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("host"))
			.withMessageContaining("keeps only the last");
	}

	@Test
	void libpqHostKeywordTakesNoPort() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@/app?host=h1:5432", null))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("host"))
			.withMessageContaining("port=");
		assertThat(derive("postgresql://u@/app?host=h1,h2&port=5432,5433", null).spec().endpoints().hosts())
			.containsExactly(new HostAndPort("h1", 5432), new HostAndPort("h2", 5433));
		assertThat(derive("postgresql://u@/app?host=::1", null).spec().endpoints().hosts())
			.containsExactly(new HostAndPort("::1", 5432));
	}

	@Test
	void singleIpv6HostKeepsItsBracketsForR2dbc() {
		assertThat(derive("postgresql://u@[::1]:6000/app", null).r2dbc().options()
			.getValue(PostgresqlConnectionFactoryProvider.TARGET_SERVER_TYPE)).isNull();
	}

	private DerivedConnection derive(String url, String user) {
		return DatabaseUrl.derive(url, user, null, this.home);
	}

}
