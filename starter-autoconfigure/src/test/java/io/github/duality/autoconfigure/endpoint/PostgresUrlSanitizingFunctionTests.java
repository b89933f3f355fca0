package io.github.duality.autoconfigure.endpoint;

import java.util.Map;

import io.github.duality.core.model.Secrets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code env} and {@code configprops} endpoints show with {@code show-values=always}.
 */
class PostgresUrlSanitizingFunctionTests {

	private final PostgresUrlSanitizingFunction function = new PostgresUrlSanitizingFunction();

	@ParameterizedTest
	@ValueSource(strings = { "app.search.keywords", "app.bypass-cache", "app.compass.heading", "app.password-policy.url",
			"spring.mail.password", "APP_BYPASS_CACHE", "spring.datasource.username" })
	void leavesUnrelatedPropertiesToBoot(String key) {
		assertThat(sanitize(key, "plain value")).isEqualTo("plain value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "spring.datasource.password", "spring.r2dbc.password", "spring.liquibase.password",
			"spring.flyway.password", "SPRING_DATASOURCE_PASSWORD", "SPRING_FLYWAY_PASSWORD",
			"spring.datasource.hikari.password", "spring.r2dbc.properties.sslPassword", "PGPASSWORD" })
	void masksDatabasePasswords(String key) {
		assertThat(sanitize(key, "hunter2")).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DATABASE_URL", "app.search.keywords", "spring.datasource.url" })
	void masksPasswordsInPostgresUrlsWhateverTheKey(String key) {
		assertThat(sanitize(key, "postgres://app:hunter2@db.example.com/shop")).isEqualTo(
				"postgres://app:" + Secrets.MASK + "@db.example.com/shop");
		assertThat(sanitize(key, "jdbc:postgresql://db.example.com/shop?user=app&password=hunter2"))
			.asString()
			.doesNotContain("hunter2")
			.startsWith("jdbc:postgresql://db.example.com/shop");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sun.java.command", "app.search.keywords" })
	void hidesTextThatHoldsAPostgresUrl(String key) {
		assertThat(sanitize(key, "app.jar --spring.datasource.url=postgres://app:hunter2@db/shop"))
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	private Object sanitize(String key, String value) {
		SanitizableData data = new SanitizableData(new MapPropertySource("test", Map.of()), key, value);
		return this.function.apply(data).getValue();
	}

}
