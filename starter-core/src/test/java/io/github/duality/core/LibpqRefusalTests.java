package io.github.duality.core;

import java.nio.file.Path;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What libpq refuses is refused here too, with a did-you-mean, so that a DATABASE_URL that works for the
 * application also works in psql and every other libpq tool.
 */
class LibpqRefusalTests {

	@TempDir
	Path home;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "POSTGRES://u@h/db | postgres://",
			"PostgreSQL://u@h/db | postgresql://", "postgresql+ASYNCPG://u@h/db | postgresql+asyncpg://",
			"JDBC:POSTGRESQL://h/db | jdbc:postgresql://", "R2DBC:POSTGRESQL://u@h/db | r2dbc:postgresql://" })
	void upperCaseSchemesAreRefusedWithTheLowerCaseOne(String url, String scheme) {
		assertThat(refusal(url).getFix()).isEqualTo("Did you mean '" + scheme + "'?");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "postgres://u@h/db?sslmode=REQUIRE | sslmode | Did you mean 'require'?",
			"postgres://u@h/db?sslmode=Verify-Full | sslmode | Did you mean 'verify-full'?",
			"postgres://u@h/db?ssl=false | ssl | Did you mean 'sslmode=disable'?",
			"postgres://u@h/db?ssl=1 | ssl | Did you mean 'sslmode=require'?",
			"postgres://u@h/db?ssl=require | ssl | Did you mean 'sslmode=require'?",
			"postgres://u@h/db?application_name=a=b | application_name | Write an '=' inside a value as %3D.",
			"postgres://u@h/db?sslmode | sslmode | Write it as sslmode=value, or remove it." })
	void libpqRefusalsNameTheParameterAndTheFix(String url, String parameter, String fix) {
		InvalidConnectionUrlException refusal = refusal(url);
		assertThat(refusal.getParameter()).isEqualTo(parameter);
		assertThat(refusal.getFix()).isEqualTo(fix);
	}

	@Test
	void whatLibpqAcceptsStillWorks() {
		assertThat(derive("postgres://u@h/db?ssl=true").spec().tls().mode()).isEqualTo(SslMode.REQUIRE);
		assertThat(derive("postgres://u@h/db?application_name=a%3Db").spec().session().applicationName()).isEqualTo("a=b");
		// the drivers of the other forms read these case-insensitively, and so does duality
		assertThat(derive("jdbc:postgresql://h/db?user=u&sslmode=REQUIRE").spec().tls().mode())
			.isEqualTo(SslMode.REQUIRE);
		assertThat(derive("r2dbc:postgresql://u@h/db?sslMode=REQUIRE").spec().tls().mode()).isEqualTo(SslMode.REQUIRE);
	}

	@Test
	void sqlAlchemyKeepsItsDriversSslSpelling() {
		assertThat(derive("postgresql+asyncpg://u@h/db?ssl=require").spec().tls().mode()).isEqualTo(SslMode.REQUIRE);
	}

	@Test
	void aValuelessPartThatIsNoKeywordIsNotRepeated() {
		InvalidConnectionUrlException refusal = refusal("postgres://u@h/db?password=a&b2c3d4");
		assertThat(refusal.getParameter()).isNull();
		assertThat(refusal.getMessage()).doesNotContain("b2c3d4");
	}

	private DerivedConnection derive(String url) {
		return DatabaseUrl.derive(url, null, null, this.home);
	}

	private InvalidConnectionUrlException refusal(String url) {
		return assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url)).actual();
	}

}
