package io.github.duality.core;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What Spring Boot's connection details (a URL, a user and a password) can carry is decided here, once, so that
 * {@code explain} and application startup give the same answer.
 */
class ConnectionDetailsTests {

	@TempDir
	Path home;

	@ParameterizedTest
	@ValueSource(strings = { "postgres://u@db/app?sslmode=require&sslpassword=k3ypass",
			"jdbc:postgresql://db/app?user=u&sslpassword=k3ypass", "r2dbc:postgresql://u@db/app?sslPassword=k3ypass" })
	void aKeyPassphraseIsRefusedWhenTheUrlIsDerived(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, this.home))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualToIgnoringCase("sslpassword"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Liquibase logs").doesNotContain("k3ypass"));
	}

	@Test
	void connectionDetailsUrlHoldsEveryPropertyButTheCredentials() {
		JdbcTarget target = DatabaseUrl.derive("postgres://u:pw@db/app?sslmode=require&application_name=a%26b"
				+ "&options=-c%20search_path%3Ds1", null, null, this.home).migrationJdbc();
		String url = target.connectionDetailsUrl();
		assertThat(url).doesNotContain("pw");
		Properties read = Driver.parseURL(url, null);
		Properties expected = target.properties();
		expected.remove("user");
		expected.remove("password");
		expected.forEach((name, value) -> assertThat(read.getProperty((String) name)).isEqualTo(value));
	}

	@ParameterizedTest
	@EnumSource(Parameter.class)
	void noSecretButThePasswordCanReachTheUrl(Parameter parameter) {
		boolean secret = parameter.names(ParameterFamily.PGJDBC).stream().anyMatch(Secrets::isSecret)
				&& parameter != Parameter.PASSWORD;
		if (secret) {
			assertThat(parameter.fate()).as(parameter + " would be written into the connection details URL")
				.isEqualTo(Parameter.Fate.REFUSED);
		}
	}

}
