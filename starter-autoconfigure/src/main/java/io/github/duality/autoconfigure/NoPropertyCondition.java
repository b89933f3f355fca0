package io.github.duality.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * Conditions that match when the user configured a path by hand, with Boot's own property for it.
 */
public final class NoPropertyCondition {

	private NoPropertyCondition() {
	}

	public static final class NoR2dbcUrl extends NoneNestedConditions {

		NoR2dbcUrl() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.r2dbc.url")
		static final class R2dbcUrl {

		}

	}

	public static final class NoLiquibaseUrl extends NoneNestedConditions {

		NoLiquibaseUrl() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.liquibase.url")
		static final class LiquibaseUrl {

		}

	}

	public static final class NoFlywayUrl extends NoneNestedConditions {

		NoFlywayUrl() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.flyway.url")
		static final class FlywayUrl {

		}

	}

}
