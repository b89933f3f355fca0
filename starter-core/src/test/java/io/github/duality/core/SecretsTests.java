package io.github.duality.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.Secrets;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Passwords never show, in whatever form they take.
 */
class SecretsTests {

	@TempDir
	Path home;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			postgres://u:s3cret@db/app                                  | postgres://u:****@db/app
			postgres://u:p%40ss%2Bx@db/app?sslmode=require             | postgres://u:****@db/app?sslmode=require
			postgres://u:p@ss@db/app                                    | postgres://u:****@db/app
			postgres://u:p/w@db/app                                     | postgres://u:****@db/app
			postgres://u:p?w@db/app                                     | postgres://u:****@db/app
			postgres://u@db:5432/app?application_name=a@b               | postgres://u@db:5432/app?application_name=a@b
			postgres://u:pw@db/app?application_name=a@b                 | postgres://u:****@b
			postgres://u:p@ss:w/rd?&=%+ #é@db/app                       | postgres://u:****@db/app
			jdbc:postgresql://db:5432/app?user=me@srv&password=pw1      | jdbc:postgresql://db:5432/app?user=me@srv&password=****
			postgres://db/app?password=p@ss:w/rd?&=%+ #é&sslmode=bogus  | postgres://db/app?password=****&sslmode=bogus
			"host=db password=secret-value-1 dbname=shop"               | host=db password=**** dbname=shop
			r2dbc:postgresql:failover:%/app:s3cretpw@db1/shop           | r2dbc:postgresql:failover:%/app:****@db1/shop
			r[dbc:postgresql:/app:s3cretpw@db1/shop                     | r[dbc:****@db1/shop
			postgres://app@db/shop?passwd=s3cretpw&x=s3cretpw           | postgres://app@db/shop?passwd=****&x=****
			postgres://app@db/shop?sslmode=require?password=s3cretpw    | postgres://app@db/shop?sslmode=require?password=****
			jdbc:postgresql://db/app?user=u&password=s3cret&ssl=true    | jdbc:postgresql://db/app?user=u&password=****&ssl=true
			jdbc:postgresql://db/app?PASSWORD=s3cret                    | jdbc:postgresql://db/app?PASSWORD=****
			jdbc:postgresql://db/app?%70assword=s3cret                  | jdbc:postgresql://db/app?%70assword=****
			jdbc:postgresql://db/app?sslpassword=s3cret&user=u          | jdbc:postgresql://db/app?sslpassword=****&user=u
			r2dbc:postgresql://u:a+b@db/app?sslPassword=k               | r2dbc:postgresql://u:****@db/app?sslPassword=****
			not a url password=x                                        | not a url password=****
			""")
	void urlsAreMaskedWhetherTheyParseOrNot(String url, String masked) {
		assertThat(Secrets.mask(url)).isEqualTo(masked);
	}

	@Test
	void knownSecretsAreMaskedInEveryEncoding() {
		String password = "p@ss:w/rd?&=%+ #é";
		List<String> forms = List.of(password, "p%40ss%3Aw%2Frd%3F%26%3D%25%2B+%23%C3%A9",
				"p%40ss%3Aw%2Frd%3F%26%3D%25%2B%20%23%C3%A9", "p%40ss%3aw%2frd%3f%26%3d%25%2b%20%23%c3%a9",
				"p@ss:w/rd?&=%  #é");
		for (String form : forms) {
			assertThat(Secrets.maskKnown("before " + form + " after", List.of(password))).as(form)
				.isEqualTo("before **** after");
		}
	}

	@Test
	void shortSecretsAreNotSearchedInFreeText() {
		assertThat(Secrets.maskKnown("a sslmode value", List.of("a"))).isEqualTo("a sslmode value");
	}

	@Test
	void propertiesViewIsSortedAndMasked() {
		Properties properties = new Properties();
		properties.setProperty("user", "u");
		properties.setProperty("password", "pw");
		properties.setProperty("sslpassword", "kpw");
		properties.setProperty("ApplicationName", "x");
		assertThat(Secrets.maskedView(properties)).containsExactly(entry("ApplicationName", "x"),
				entry("password", "****"), entry("sslpassword", "****"), entry("user", "u"));
	}

	@Test
	void optionsViewUsesUrlSpellings() {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.PASSWORD, "pw")
			.option(PostgresqlConnectionFactoryProvider.SSL_PASSWORD, "kpw")
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofMillis(1500))
			.option(PostgresqlConnectionFactoryProvider.SSL_MODE, SSLMode.VERIFY_FULL)
			.option(PostgresqlConnectionFactoryProvider.OPTIONS, Map.of("statement_timeout", "5000"))
			.build();
		assertThat(Secrets.maskedView(options)).containsExactly(entry("connectTimeout", "PT1.5S"),
				entry("options", "statement_timeout=5000"), entry("password", "****"), entry("sslMode", "verify-full"),
				entry("sslPassword", "****"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			postgres://u:pw@db/app?application_name=team:ops@eu         | postgres://u:****@db/app?application_name=team:ops@eu
			jdbc:postgresql://db/app?user=u&password=pw&ApplicationName=a:b@c | jdbc:postgresql://db/app?user=u&password=****&ApplicationName=a:b@c
			r2dbc:postgresql://u:p@w@db/app?applicationName=x:y@z        | r2dbc:postgresql://u:****@db/app?applicationName=x:y@z
			postgresql+asyncpg://u@db/app?password=pw&application_name=q:r@s | postgresql+asyncpg://u@db/app?password=****&application_name=q:r@s
			""")
	void acceptedInputIsMaskedWhereTheParserFoundTheSecret(String url, String expected) {
		assertThat(DatabaseUrl.derive(url, null, null, this.home).maskedInput()).isEqualTo(expected);
	}

	@Test
	void derivedTargetsNeverShowThePassword() {
		String password = "Sup3r+Secret/é";
		DerivedConnection derived = DatabaseUrl.derive("postgresql://u@db/app", null, password, this.home);
		assertThat(List.of(derived.toString(), derived.jdbc().toString(), derived.migrationJdbc().toString(),
				derived.r2dbc().toString(), derived.spec().toString(), derived.maskedInput(),
				derived.jdbc().maskedProperties().toString(), derived.r2dbc().maskedOptions().toString(),
				String.join("\n", derived.notes())))
			.allSatisfy((text) -> assertThat(text).doesNotContain(password));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			postgres://u:Secr3t%zz@db/app                              | Secr3t
			jdbc:postgresql://u:Secr3tPw@db/app                         | Secr3tPw
			jdbc:postgresql://db/app?user=u&password=Secr3tPw&sslMode=x | Secr3tPw
			r2dbc:postgresql://u:Secr3t%zz@db/app                      | Secr3t
			r2dbc:postgresql://u:Secr3tPw@db/app?user=x                 | Secr3tPw
			r2dbc:postgresql://u:Secr3tPw@my_db:5433/app                | Secr3tPw
			postgres://u:Secr3tPw@db/app?sslmode=verify-full            | Secr3tPw
			postgres://u:Secr3tPw@db/app?password=Other1Pw              | Other1Pw
			postgres://u:Pa@Secr3tPw@db/app                             | Secr3tPw
			postgres://u:Pa@Secr3tPw:1@db/app                           | Secr3tPw
			postgres://app@db/shopuser=app&password=Secr3tPw            | Secr3tPw
			jdbc:postgresql://d/b:5432/shop?user=app&password=Secr3tPw  | Secr3tPw
			postgres://u@db/app?password=Pa&Secr3tPw                    | Secr3tPw
			""")
	void refusalsNeverShowThePassword(String url, String secretPart) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, this.home))
			.satisfies((ex) -> assertThat(List.of(ex.getMessage(), ex.getProblem(), String.valueOf(ex.getFix())))
				.allSatisfy((text) -> assertThat(text).doesNotContain(secretPart)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://u:Secr3tPw@db/app
			jdbc:postgresql://u:Secr3t/Pw@db/app
			jdbc:postgresql://u:Secr3t?Pw@db/app
			jdbc:postgresql://db/app?user=u&password=Secr3tPw%zz
			jdbc:postgresql://db/app?user=u&password=Secr3tPw%
			jdbc:postgresql://db/app%zz?user=u&password=Secr3tPw
			jdbc:postgresql://d/b:5432/shop?user=app&password=Secr3tPw
			""")
	void pgjdbcNeverGetsToLogAPassword(String url) {
		Logger pgjdbc = Logger.getLogger("org.postgresql");
		List<String> logged = new ArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord entry) {
				logged.add(new SimpleFormatter().formatMessage(entry));
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Level level = pgjdbc.getLevel();
		pgjdbc.setLevel(Level.ALL);
		pgjdbc.addHandler(handler);
		try {
			assertThatExceptionOfType(InvalidConnectionUrlException.class)
				.isThrownBy(() -> DatabaseUrl.derive(url, null, null, this.home));
		}
		finally {
			pgjdbc.removeHandler(handler);
			pgjdbc.setLevel(level);
		}
		assertThat(logged).noneMatch((message) -> message.contains("Secr3t") || message.contains("Pw"));
	}

	@Test
	void refusalsMaskTheArgumentPasswordToo() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive("postgres://u@db/app?application_name=Secr3tPw&x=1", null, "Secr3tPw",
					this.home))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("Secr3tPw"));
	}

}
