package io.github.duality.core;

import java.nio.file.Path;

import io.github.duality.core.model.InvalidConnectionUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A parameter given twice with different values is refused in every form, before a driver's parser keeps the last
 * one in silence: with sslmode, that was a silent downgrade to plain text.
 */
class RepeatedParameterTests {

	@TempDir
	Path home;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"jdbc:postgresql://h/db?sslmode=verify-full&sslrootcert=ca.pem&sslmode=disable&user=u | sslmode",
			"r2dbc:postgresql://u@h/db?sslMode=require&sslMode=disable | sslMode",
			"r2dbc:postgresql://u@h/db?sslMode=require&sslmode=disable | sslmode",
			"r2dbc:postgresql://u@h/db?ssl%4Dode=require&sslMode=disable | sslMode",
			"postgres://u@h/db?sslmode=verify-full&sslmode=disable | sslmode",
			"postgresql+asyncpg://u@h/db?ssl=require&ssl=disable | ssl",
			"jdbc:postgresql://h/db?user=u&ApplicationName=a&ApplicationName=b | ApplicationName",
			"jdbc:postgresql://h1/db?user=u&host=h2 | host",
			"jdbc:postgresql://h1:5432/db?user=u&port=5433 | port",
			"jdbc:postgresql://h1/db?user=u&dbname=other | dbname" })
	void secondDifferentValueIsRefused(String url, String parameter) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, this.home))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo(parameter))
			.withMessageContaining("twice");
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:postgresql://h/db?sslmode=require&sslmode=require&user=u",
			"jdbc:postgresql://h/db?sslmode=require&sslmode=requir%65&user=u",
			"r2dbc:postgresql://u@h/db?sslMode=require&sslmode=require",
			"jdbc:postgresql://h1/db?user=u&host=h1", "jdbc:postgresql:db?user=u&host=h2" })
	void repeatingTheSameValueChangesNothing(String url) {
		assertThat(DatabaseUrl.derive(url, null, null, this.home).spec()).isNotNull();
	}

	@Test
	void refusalNeverRepeatsTheValues() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive("jdbc:postgresql://h/db?user=u&password=s3cret1&password=s3cret2",
					null, null, this.home))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cret"));
	}

}
