package io.github.duality.core;

import java.nio.file.Path;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Credentials come from the URL user info, user/password parameters and the arguments; they must agree, any
 * character works, and the JDBC URL never holds them.
 */
class CredentialsTests {

	private static final String HOSTILE = "p@ss:w/rd?&=%+ #é";

	@TempDir
	Path home;

	@ParameterizedTest
	@ValueSource(strings = { "postgres://u:%s@db/app", "postgresql+asyncpg://u:%s@db/app",
			"r2dbc:postgresql://u:%s@db/app", "jdbc:postgresql://db/app?user=u&password=%s" })
	void hostilePasswordPercentEncodedInEveryForm(String template) {
		String encoded = TestPostgres.percentEncode(HOSTILE);
		DerivedConnection derived = derive(template.formatted(encoded), null, null);
		assertPasswordOnBothPaths(derived, HOSTILE);
		assertThat(derived.maskedInput()).doesNotContain(encoded).contains("****");
		assertThat(derived.toString()).doesNotContain(HOSTILE).doesNotContain(encoded);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres://u@db/app", "r2dbc:postgresql://u@db/app", "jdbc:postgresql://db/app?user=u" })
	void hostilePasswordAsArgument(String url) {
		assertPasswordOnBothPaths(derive(url, null, HOSTILE), HOSTILE);
	}

	@Test
	void libpqKeepsAPlusAndR2dbcReadsItAsASpace() {
		assertThat(derive("postgres://u:a+b@db/app", null, null).spec().credentials().password()).isEqualTo("a+b");
		DerivedConnection r2dbc = derive("r2dbc:postgresql://u:a+b@db/app", null, null);
		assertThat(r2dbc.spec().credentials().password()).isEqualTo("a b");
		assertThat(r2dbc.notes()).anyMatch((note) -> note.contains("%2B"));
		assertThat(derive("jdbc:postgresql://db/app?user=u&password=a+b", null, null).spec().credentials().password())
			.isEqualTo("a b");
	}

	@Test
	void jdbcUrlNeverHoldsCredentials() {
		DerivedConnection derived = derive("jdbc:postgresql://db/app?user=u&password=secret", null, null);
		assertThat(derived.jdbc().url()).isEqualTo("jdbc:postgresql://db:5432/app");
		assertThat(derived.jdbc().user()).isEqualTo("u");
		assertThat(derived.jdbc().password()).isEqualTo("secret");
	}

	@Test
	void sameValueFromTwoSourcesIsFine() {
		DerivedConnection derived = derive("postgres://u:pw@db/app?user=u&password=pw", "u", "pw");
		assertThat(derived.spec().credentials().user()).isEqualTo("u");
		assertThat(derived.spec().credentials().password()).isEqualTo("pw");
	}

	@Test
	void userArgumentFillsInAMissingUser() {
		assertThat(derive("postgres://db/app", "alice", "pw").spec().credentials().user()).isEqualTo("alice");
	}

	@Test
	void emptyValuesAreAbsent() {
		assertThat(derive("postgres://u:pw@db/app", "", "").spec().credentials().password()).isEqualTo("pw");
		assertThat(derive("postgres://u:@db/app", null, "pw").spec().credentials().password()).isEqualTo("pw");
		assertThat(derive("jdbc:postgresql://db/app?user=", null, null).spec().credentials().user())
			.isEqualTo(System.getProperty("user.name"));
	}

	@Test
	void conflictingPasswordsNameBothSourcesWithoutTheValues() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgres://u:first-secret@db/app", null, "second-secret"))
			.satisfies((ex) -> {
				assertThat(ex.getParameter()).isEqualTo("password");
				assertThat(ex.getMessage()).contains("the password in the URL (user:password@host)", "the password argument")
					.doesNotContain("first-secret")
					.doesNotContain("second-secret");
			});
	}

	@Test
	void conflictingUsersNameBothSources() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgres://alice@db/app?user=bob", null, null))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("user"))
			.withMessage("The user is given twice with different values ('alice', 'bob'): the user name in the URL "
					+ "(user@host), and the libpq parameter 'user'. Give it in one of these places only, or give the "
					+ "same value in both.");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=alice", "bob", null))
			.withMessageContaining("the username argument");
	}

	@Test
	void aPgjdbcUrlWithUserInfoNamesThePropertiesForTheCredentials() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://app:pw@db/shop", null, null))
			.satisfies((ex) -> assertThat(ex.getFix()).startsWith(
					"Give the user and password as spring.datasource.username and .password (or as ?user=...&password=..."));
	}

	@Test
	void theCallerNamesTheCredentialsGivenBesideTheUrl() {
		CredentialSources properties = CredentialSources.SPRING_DATASOURCE;
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive("postgres://alice@db/app", "bob", null, null, PoolerHint.AUTO, FileChecks.READ, properties))
			.withMessage("The user is given twice with different values ('alice', 'bob'): the user name in the URL "
					+ "(user@host), and spring.datasource.username. Give it in one of these places only, or give the "
					+ "same value in both.");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive("r2dbc:postgresql://u:first-secret@db/app", null, "second-secret", null,
					PoolerHint.AUTO, FileChecks.READ, properties))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains(": the password in the URL (user:password@host), and spring.datasource.password.")
				.doesNotContain("first-secret")
				.doesNotContain("second-secret"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive("r2dbc:postgresql://db/app", null, null, null, PoolerHint.AUTO, FileChecks.READ, properties))
			.satisfies((ex) -> assertThat(ex.getFix()).isEqualTo(
					"Give the user in the URL (r2dbc:postgresql://user@host/database) or as spring.datasource.username."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres://db.example.com/app", "jdbc:postgresql://db.example.com/app",
			"postgresql+psycopg2://db.example.com/app" })
	void noUserMeansTheOperatingSystemUserOnBothPaths(String url) {
		String operatingSystemUser = System.getProperty("user.name");
		DerivedConnection derived = derive(url, null, null);
		assertThat(derived.jdbc().user()).isEqualTo(operatingSystemUser);
		assertThat(derived.migrationJdbc().user()).isEqualTo(operatingSystemUser);
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.USER)).isEqualTo(operatingSystemUser);
		assertThat(derived.notes()).anySatisfy((note) -> assertThat(note).startsWith("no user given: the "
				+ "operating-system user " + operatingSystemUser + " on both paths"));
	}

	@Test
	void anR2dbcUrlNeedsAUserAsR2dbcDoes() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("r2dbc:postgresql://db/app", null, null))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("user"));
	}

	@Test
	void noPasswordMeansNoPasswordProperty() {
		DerivedConnection derived = derive("postgres://u@db/app", null, null);
		assertThat(derived.jdbc().properties()).doesNotContainKey("password");
		assertThat(derived.r2dbc().options().hasOption(ConnectionFactoryOptions.PASSWORD)).isFalse();
	}

	@Test
	void pgjdbcUserInfoIsRefusedBeforePgjdbcCanLogIt() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://u:hunter2@db/app", null, null))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
	}

	@Test
	void unencodedAtInAPasswordIsExplainedWithoutRepeatingIt() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgres://u:p@ss@db/app", null, null))
			.withMessageContaining("%40")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("ss@db"));
	}

	private void assertPasswordOnBothPaths(DerivedConnection derived, String password) {
		assertThat(derived.jdbc().password()).isEqualTo(password);
		assertThat(derived.jdbc().url()).doesNotContain("p@ss").doesNotContain("p%40ss");
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.PASSWORD)).hasToString(password);
		assertThat(derived.jdbc().toString()).doesNotContain(password);
		assertThat(derived.r2dbc().toString()).doesNotContain(password);
		assertThat(derived.spec().toString()).doesNotContain(password);
	}

	private DerivedConnection derive(String url, String username, String password) {
		return DatabaseUrl.derive(url, username, password, this.home);
	}

}
