package io.github.duality.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.parameter.SessionSettings;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Units, session settings and the other parameters both drivers understand in different spellings.
 */
class ConversionTests {

	@TempDir
	Path home;

	@ParameterizedTest(name = "{0} -> r2dbc {1}, pgjdbc {2}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://db/app?user=u&connectTimeout=10     | PT10S   | 10
			jdbc:postgresql://db/app?user=u&connectTimeout=0      | PT0S    | 0
			postgresql://u@db/app?connect_timeout=10              | PT10S   | 10
			postgresql://u@db/app?connect_timeout=1               | PT2S    | 2
			postgresql://u@db/app?connect_timeout=-5              | PT0S    | 0
			r2dbc:postgresql://u@db/app?connectTimeout=PT10S      | PT10S   | 10
			r2dbc:postgresql://u@db/app?connectTimeout=10s        | PT10S   | 10
			r2dbc:postgresql://u@db/app?connectTimeout=2m         | PT2M    | 120
			r2dbc:postgresql://u@db/app?connectTimeout=1500ms     | PT1.5S  | 2
			r2dbc:postgresql://u@db/app?connectTimeout=10         | PT0.01S | 1
			""")
	void connectTimeoutIsConvertedNeverCopied(String url, String r2dbc, String pgjdbc) {
		DerivedConnection derived = derive(url);
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.CONNECT_TIMEOUT))
			.isEqualTo(Duration.parse(r2dbc));
		assertThat(derived.jdbc().properties()).contains(entry("connectTimeout", pgjdbc));
	}

	@Test
	void conversionsAreNoted() {
		assertThat(derive("postgresql://u@db/app?connect_timeout=10").notes())
			.contains("connect_timeout=10 (seconds) -> r2dbc connectTimeout PT10S");
		assertThat(derive("r2dbc:postgresql://u@db/app?connectTimeout=1500ms").notes())
			.contains("connectTimeout=1500ms -> PT1.5S; pgjdbc connectTimeout=2 (whole seconds, rounded up)");
		assertThat(derive("jdbc:postgresql://db/app?user=u&reWriteBatchedInserts=true").notes())
			.anyMatch((note) -> note.startsWith("reWriteBatchedInserts stays on the JDBC path"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://db/app?user=u&connectTimeout=10s
			jdbc:postgresql://db/app?user=u&connectTimeout=-1
			postgresql://u@db/app?connect_timeout=ten
			r2dbc:postgresql://u@db/app?connectTimeout=1.5s
			r2dbc:postgresql://u@db/app?connectTimeout=-PT1S
			r2dbc:postgresql://u@db/app?connectTimeout=PT720H
			""")
	void unreadableOrInexpressibleTimeoutsAreRefused(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url))
			.satisfies((ex) -> assertThat(ex.getParameter()).containsIgnoringCase("timeout"));
	}

	@Test
	void r2dbcStatementAndLockTimeoutsBecomeSessionSettingsOnBothPaths() {
		DerivedConnection derived = derive("r2dbc:postgresql://u@db/app?statementTimeout=5s&lockWaitTimeout=PT1S");
		assertThat(derived.spec().session().settings()).containsExactly(entry("lock_timeout", "1000"),
				entry("statement_timeout", "5000"));
		assertThat(derived.jdbc().properties()).contains(entry("options",
				"-c lock_timeout=1000 -c statement_timeout=5000"));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.OPTIONS))
			.isEqualTo(Map.of("lock_timeout", "1000", "statement_timeout", "5000"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://db/app?user=u&currentSchema=s1
			jdbc:postgresql://db/app?user=u&options=-c%20search_path%3Ds1
			jdbc:postgresql://db/app?user=u&options=-csearch_path%3Ds1&currentSchema=s1
			postgresql://u@db/app?options=-c%20search_path%3Ds1
			postgresql://u@db/app?options=--search-path%3Ds1
			r2dbc:postgresql://u@db/app?schema=s1
			r2dbc:postgresql://u@db/app?currentSchema=s1
			r2dbc:postgresql://u@db/app?options=search_path%3Ds1
			""")
	void schemaFromEverySpelling(String url) {
		DerivedConnection derived = derive(url);
		assertThat(derived.spec().session().schema()).isEqualTo("s1");
		assertThat(derived.jdbc().properties()).contains(entry("currentSchema", "s1")).doesNotContainKey("options");
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.CURRENT_SCHEMA))
			.isEqualTo("s1");
	}

	@Test
	void schemaGivenTwiceDifferentlyIsAnError() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&currentSchema=a&options=-c%20search_path%3Db"))
			.withMessageContaining("search_path")
			.withMessageContaining("('a', 'b')");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("r2dbc:postgresql://u@db/app?schema=a&currentSchema=b"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://db/app?user=u&ApplicationName=shop
			postgresql://u@db/app?application_name=shop
			postgresql://u@db/app?fallback_application_name=shop
			postgresql://u@db/app?application_name=shop&fallback_application_name=other
			postgresql://u@db/app?options=-c%20application_name%3Dshop
			r2dbc:postgresql://u@db/app?applicationName=shop
			""")
	void applicationNameFromEverySpelling(String url) {
		DerivedConnection derived = derive(url);
		assertThat(derived.spec().session().applicationName()).isEqualTo("shop");
		assertThat(derived.jdbc().properties()).contains(entry("ApplicationName", "shop"));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.APPLICATION_NAME))
			.isEqualTo("shop");
	}

	@Test
	void otherSessionSettingsAreCarriedWithEscapes() {
		DerivedConnection derived = derive(
				"postgresql://u@db/app?options=-c%20statement_timeout%3D5s%20-c%20app.label%3Dtwo\\%20words");
		assertThat(derived.spec().session().settings()).containsExactly(entry("statement_timeout", "5s"),
				entry("app.label", "two words"));
		assertThat(derived.jdbc().properties()).contains(entry("options",
				"-c statement_timeout=5s -c app.label=two\\ words"));
		assertThat(SessionSettings.parseCommandLine(derived.jdbc().properties().getProperty("options"), "options"))
			.isEqualTo(derived.spec().session().settings());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			postgresql://u@db/app?options=-d%205
			postgresql://u@db/app?options=-c%20timezone%3DUTC
			postgresql://u@db/app?options=-c%20DateStyle%3DGerman
			postgresql://u@db/app?options=-c%20client_encoding%3DLATIN1
			r2dbc:postgresql://u@db/app?options=a%3Db%3Dc
			""")
	void optionsThatCannotBeCarriedAreRefused(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("options"));
	}

	@Test
	void keepAliveAndOtherTranslatedParameters() {
		DerivedConnection derived = derive("postgresql://u@db/app?keepalives=1");
		assertThat(derived.jdbc().properties()).contains(entry("tcpKeepAlive", "true"));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE)).isEqualTo(true);
		derived = derive("jdbc:postgresql://db/app?user=u&tcpNoDelay=false&preparedStatementCacheQueries=0");
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.TCP_NODELAY)).isEqualTo(false);
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES))
			.isEqualTo(0);
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("r2dbc:postgresql://u@db/app?preparedStatementCacheQueries=-1"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&tcpKeepAlive=yes"))
			.withMessageContaining("true or false");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?keepalives_idle=30"));
	}

	@Test
	void pathOnlyParametersStayOnTheirPath() {
		DerivedConnection jdbc = derive("jdbc:postgresql://db/app?user=u&reWriteBatchedInserts=true&prepareThreshold=0");
		assertThat(jdbc.jdbc().properties()).contains(entry("reWriteBatchedInserts", "true"),
				entry("prepareThreshold", "0"));
		assertThat(jdbc.r2dbc().maskedOptions()).doesNotContainKeys("reWriteBatchedInserts", "prepareThreshold");
		DerivedConnection r2dbc = derive("r2dbc:postgresql://u@db/app?compatibilityMode=true&fetchSize=100");
		assertThat(r2dbc.r2dbc().maskedOptions()).contains(entry("compatibilityMode", "true"), entry("fetchSize", "100"));
		assertThat(r2dbc.jdbc().properties()).doesNotContainKeys("compatibilityMode", "fetchSize");
		assertThat(r2dbc.notes()).anyMatch((note) -> note.startsWith("fetchSize stays on the R2DBC path"));
	}

	private DerivedConnection derive(String url) {
		return DatabaseUrl.derive(url, null, null, this.home);
	}

}
