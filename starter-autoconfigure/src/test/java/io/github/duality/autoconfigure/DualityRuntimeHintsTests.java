package io.github.duality.autoconfigure;

import java.util.Properties;

import io.github.duality.autoconfigure.liquibase.lock.PostgresSessionChangeLogHistoryService;
import io.github.duality.autoconfigure.liquibase.lock.PostgresSessionLockService;
import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.tls.JdbcSslSocketFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints cover what the starter reaches reflectively: the field duality-core reads (checked by reading it through
 * the core, so that a renamed field fails here first), Liquibase's service instantiation and the by-name lookups.
 */
class DualityRuntimeHintsTests {

	@Test
	void coverR2dbcOptionsLiquibaseServicesAndMigrationToolLookups() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new DualityRuntimeHints().registerHints(hints, getClass().getClassLoader());
		// the core reads the field for every r2dbc URL: derive one, so the field the hint names is the one read
		assertThat(DatabaseUrl.derive("r2dbc:postgresql://app@db.example.com/shop?sslMode=require", null, null)
			.r2dbc()).isNotNull();
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ConnectionFactoryOptions.class, "options"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(PostgresSessionLockService.class.getConstructor())).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(PostgresSessionChangeLogHistoryService.class.getConstructor())).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/services/liquibase.lockservice.LockService"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(SpringLiquibase.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(JdbcSslSocketFactory.class.getConstructor(Properties.class))).accepts(hints);
	}

	@Test
	void withoutLiquibaseOnlyTheR2dbcField() {
		RuntimeHints hints = new RuntimeHints();
		new DualityRuntimeHints().registerHints(hints, new FilteredClassLoader("liquibase."));
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ConnectionFactoryOptions.class, "options"))
			.accepts(hints);
		assertThat(hints.reflection().getTypeHint(PostgresSessionLockService.class)).isNull();
		assertThat(hints.resources().resourcePatternHints()).isEmpty();
	}

}
