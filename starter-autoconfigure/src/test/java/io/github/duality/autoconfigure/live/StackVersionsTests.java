package io.github.duality.autoconfigure.live;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves which Spring Boot the live tests run with, and prints the versions of the stack they prove: the build runs
 * them with the project's Boot and again with the oldest supported line ({@code starter-autoconfigure/compat/}).
 */
class StackVersionsTests {

	@Test
	void runsWithTheExpectedSpringBoot() {
		String expected = System.getProperty("expected.spring-boot.version");
		assertThat(expected).as("system property expected.spring-boot.version").isNotBlank();
		System.out.printf("Duality live tests run with Spring Boot %s, Spring Framework %s, Liquibase %s, "
				+ "pgjdbc %s, r2dbc-postgresql %s, r2dbc-pool %s, on Java %s (%s)%n", SpringBootVersion.getVersion(),
				SpringVersion.getVersion(), LiquibaseUtil.getBuildVersion(), implementationVersion(Driver.class),
				implementationVersion(PostgresqlConnectionFactory.class), implementationVersion(ConnectionPool.class),
				Runtime.version(), System.getProperty("java.vm.vendor"));
		assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
	}

	private static String implementationVersion(Class<?> type) {
		return type.getPackage().getImplementationVersion();
	}

}
