package io.github.duality.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a tool's login shows of itself in health details, startup lines and logs: never a password, not even one
 * written into the URL's query by hand.
 */
class JdbcLoginTests {

	@Test
	void urlWithoutQueryDropsThePasswordWrittenIntoTheQuery() {
		MigrationTool.JdbcLogin login = new MigrationTool.JdbcLogin(
				"jdbc:postgresql://db.example.com:5432/shop?password=s3cret&sslmode=verify-full", "app", null);

		assertThat(login.urlWithoutQuery()).isEqualTo("jdbc:postgresql://db.example.com:5432/shop");
		assertThat(login).hasToString("jdbc:postgresql://db.example.com:5432/shop as app");
	}

	@Test
	void urlWithoutQueryKeepsAUrlThatHasNone() {
		MigrationTool.JdbcLogin login = new MigrationTool.JdbcLogin("jdbc:postgresql://db.example.com/shop", "app",
				"s3cret");

		assertThat(login.urlWithoutQuery()).isEqualTo("jdbc:postgresql://db.example.com/shop");
		assertThat(login.toString()).doesNotContain("s3cret");
	}

	@Test
	void ofGivesNothingForDetailsWithoutAUrl() {
		assertThat(MigrationTool.JdbcLogin.of(null, "app", "s3cret")).isNull();
	}

}
