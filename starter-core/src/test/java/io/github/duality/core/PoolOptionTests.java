package io.github.duality.core;

import io.github.duality.core.model.InvalidConnectionUrlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * r2dbc-pool options in an r2dbc URL, as r2dbc-pool's own URL provider reads them, are refused with the
 * {@code spring.r2dbc.pool.*} property that Spring Boot builds the pool from, and the same value.
 * starter-autoconfigure's {@code PoolOptionPropertiesTests} checks each option against r2dbc-pool and Boot.
 */
class PoolOptionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			maxIdleTime=PT60S             | spring.r2dbc.pool.max-idle-time=PT60S
			initialSize=2                 | spring.r2dbc.pool.initial-size=2
			maxSize=20                    | spring.r2dbc.pool.max-size=20
			maxLifeTime=PT30M             | spring.r2dbc.pool.max-life-time=PT30M
			validationDepth=REMOTE        | spring.r2dbc.pool.validation-depth=REMOTE
			validationQuery=SELECT%201    | spring.r2dbc.pool.validation-query
			""")
	void theFixIsTheBootPropertyWithTheSameValue(String option, String setting) {
		String name = option.substring(0, option.indexOf('='));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive("r2dbc:pool:postgresql://app@db.example.com/shop?" + option, null,
					null))
			.satisfies((ex) -> {
				assertThat(ex.getParameter()).isEqualTo(name);
				assertThat(ex.getProblem())
					.isEqualTo("The r2dbc-pool option '" + name + "' configures the connection pool, which Spring "
							+ "Boot builds from spring.r2dbc.pool.*, not from the URL (and the URL's migration path "
							+ "has no pool).");
				assertThat(ex.getFix())
					.isEqualTo("Remove " + name + " from the URL and set " + setting + " instead.");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "poolName", "registerJmx", "backgroundEvictionInterval", "postAllocate", "preRelease" })
	void anOptionBootHasNoPropertyForSaysSo(String name) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive("r2dbc:postgresql://app@db.example.com/shop?" + name + "=x", null,
					null))
			.satisfies((ex) -> assertThat(ex.getFix())
				.isEqualTo("Remove " + name + " from the URL: spring.r2dbc.pool.* has no property for it. If you need "
						+ "it, define your own ConnectionFactory bean (a ConnectionPool); Duality then backs off for "
						+ "the application path."));
	}

}
