package io.github.duality.core;

import java.nio.file.Path;

import io.github.duality.core.model.InvalidConnectionUrlException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unknown and misspelled names are errors with a did-you-mean: both drivers would silently ignore them.
 */
class UnknownParameterTests {

	@TempDir
	Path home;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://db/app?user=u&sslMode=require              | sslMode          | Did you mean 'sslmode'?
			jdbc:postgresql://db/app?user=u&application_name=x          | application_name | Did you mean 'ApplicationName'?
			jdbc:postgresql://db/app?user=u&applicationName=x           | applicationName  | Did you mean 'ApplicationName'?
			jdbc:postgresql://db/app?user=u&sslnegotiation=direct       | sslnegotiation   | Did you mean 'sslNegotiation'?
			jdbc:postgresql://db/app?user=u&schema=s1                   | schema           | Did you mean 'currentSchema'?
			jdbc:postgresql://db/app?user=u&conectTimeout=5             | conectTimeout    | Did you mean 'connectTimeout'?
			r2dbc:postgresql://u@db/app?sslrootcert=/ca.pem             | sslrootcert      | Did you mean 'sslRootCert'?
			r2dbc:postgresql://u@db/app?ApplicationName=x               | ApplicationName  | Did you mean 'applicationName'?
			r2dbc:postgresql://u@db/app?connect_timeout=5               | connect_timeout  | Did you mean 'connectTimeout'?
			r2dbc:postgresql://u@db/app?reWriteBatchedInserts=true      | reWriteBatchedInserts | pgjdbc parameter with no r2dbc counterpart
			postgresql://u@db/app?sslMode=require                       | sslMode          | Did you mean 'sslmode'?
			postgresql://u@db/app?ApplicationName=x                     | ApplicationName  | Did you mean 'application_name'?
			postgresql://u@db/app?currentSchema=s1                      | currentSchema    | pgjdbc parameter with no libpq counterpart
			postgresql://u@db/app?nonsense=1                            | nonsense         | Remove it
			""")
	void unknownNamesAreRefusedWithADidYouMean(String url, String name, String fix) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, this.home))
			.satisfies((ex) -> {
				assertThat(ex.getParameter()).isEqualTo(name);
				assertThat(ex.getFix()).contains(fix);
				assertThat(ex.getProblem()).contains("silently ignore");
			});
	}

}
