package io.github.duality.autoconfigure;

import java.lang.reflect.Field;

import io.github.duality.core.tls.JdbcSslSocketFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What the starter reaches reflectively, for an ahead-of-time compiled (native) image: r2dbc-spi's private options
 * map, which duality-core reads to list the options an r2dbc URL holds; the SSL factory pgjdbc instantiates by name
 * for a client certificate or an SSL bundle held in memory; the Liquibase services that Liquibase's
 * {@code ServiceLoader} instantiates; and the migration tools' types, which are looked up by name because either may
 * be absent.
 */
class DualityRuntimeHints implements RuntimeHintsRegistrar {

	private static final String[] LIQUIBASE_SERVICES = {
			"io.github.duality.autoconfigure.liquibase.lock.PostgresSessionLockService",
			"io.github.duality.autoconfigure.liquibase.lock.PostgresSessionChangeLogHistoryService" };

	private static final String[] MIGRATION_TOOL_TYPES = { "liquibase.integration.spring.SpringLiquibase",
			"org.flywaydb.core.Flyway" };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		Field options = ReflectionUtils.findField(ConnectionFactoryOptions.class, "options");
		if (options != null) {
			hints.reflection().registerField(options);
		}
		hints.reflection().registerType(JdbcSslSocketFactory.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		if (ClassUtils.isPresent("liquibase.integration.spring.SpringLiquibase", classLoader)) {
			for (String service : LIQUIBASE_SERVICES) {
				hints.reflection().registerTypeIfPresent(classLoader, service,
						MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
			}
			hints.resources().registerPattern("META-INF/services/liquibase.lockservice.LockService");
			hints.resources().registerPattern("META-INF/services/liquibase.changelog.ChangeLogHistoryService");
		}
		for (String type : MIGRATION_TOOL_TYPES) {
			hints.reflection().registerTypeIfPresent(classLoader, type);
		}
	}

}
