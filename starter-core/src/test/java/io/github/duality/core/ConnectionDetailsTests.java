package io.github.duality.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.parameter.Parameter;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
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
	void aKeyPassphraseReachesNeitherPath(String url) {
		DerivedConnection derived = DatabaseUrl.derive(url, null, null, this.home);
		assertThat(derived.migrationJdbc().connectionDetailsUrl()).doesNotContain("k3ypass");
		assertThat(derived.jdbc().properties()).doesNotContainValue("k3ypass");
		assertThat(derived.r2dbc().options().toString()).doesNotContain("k3ypass");
		assertThat(derived.r2dbc().options().hasOption(PostgresqlConnectionFactoryProvider.SSL_PASSWORD)).isFalse();
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
		List<String> secretNames = parameter.names(ParameterFamily.PGJDBC).stream().filter(Secrets::isSecret).toList();
		if (secretNames.isEmpty() || parameter == Parameter.PASSWORD || parameter.fate() == Parameter.Fate.REFUSED) {
			return;
		}
		DerivedConnection derived = DatabaseUrl.derive("jdbc:postgresql://db/app?user=u&sslmode=require&"
				+ secretNames.get(0) + "=s3cr3t-value", null, null, this.home);
		assertThat(derived.migrationJdbc().connectionDetailsUrl()).as(parameter + " reached the connection details URL")
			.doesNotContain("s3cr3t-value");
		assertThat(derived.r2dbc().options().toString()).as(parameter + " reached the r2dbc options")
			.doesNotContain("s3cr3t-value");
	}

}
