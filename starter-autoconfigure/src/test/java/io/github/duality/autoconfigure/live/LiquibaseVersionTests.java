package io.github.duality.autoconfigure.live;

import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves which Liquibase line a test run uses: the build runs the live tests once with Boot's managed 5.x and once
 * with the Apache-licensed 4.x (see the {@code liquibase-4-compatibility} Surefire execution).
 */
class LiquibaseVersionTests {

	@Test
	void runsWithTheExpectedLiquibase() {
		assertThat(System.getProperty("expected.liquibase.version")).isNotBlank();
		assertThat(LiquibaseUtil.getBuildVersion()).isEqualTo(System.getProperty("expected.liquibase.version"));
	}

}
