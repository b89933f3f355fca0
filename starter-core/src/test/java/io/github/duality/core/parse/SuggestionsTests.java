package io.github.duality.core.parse;

import io.github.duality.core.model.ParameterFamily;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTests {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			PGJDBC | sslMode              | sslmode
			PGJDBC | SSLMODE              | sslmode
			PGJDBC | application_name     | ApplicationName
			PGJDBC | target_session_attrs | targetServerType
			PGJDBC | reWriteBatchInserts  | reWriteBatchedInserts
			LIBPQ  | sslMode              | sslmode
			LIBPQ  | connectTimeout       | connect_timeout
			LIBPQ  | tcpKeepAlive         | keepalives
			R2DBC  | sslrootcert          | sslRootCert
			R2DBC  | currentschema        | currentSchema
			R2DBC  | channelbinding       | channelBinding
			R2DBC  | ApplicationName      | applicationName
			""")
	void suggestsTheNameOfTheFamily(ParameterFamily family, String unknown, String suggestion) {
		assertThat(Suggestions.suggest(family, unknown)).contains(suggestion);
	}

	@ParameterizedTest
	@CsvSource({ "PGJDBC, zzz", "LIBPQ, reWriteBatchedInserts", "R2DBC, prepareThreshold" })
	void suggestsNothingFarAway(ParameterFamily family, String unknown) {
		assertThat(Suggestions.suggest(family, unknown)).isEmpty();
	}

}
