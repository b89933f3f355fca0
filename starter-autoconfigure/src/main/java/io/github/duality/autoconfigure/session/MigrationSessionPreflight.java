package io.github.duality.autoconfigure.session;

import java.sql.SQLException;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Before a migration tool takes any lock: it gets its data source as a {@link MigrationDataSource}, whose
 * connections the {@link MigrationStopGuard} knows and whose first one is checked to be a session of its own
 * ({@link TransactionPoolerCheck}). Ordered after the startup wait, which reads the tool's own data source.
 *
 * @param <T> the tool's bean that migrates (Liquibase) or is configured to (Flyway) when initialized
 */
class MigrationSessionPreflight<T> implements BeanPostProcessor, Ordered {

	private final MigrationStopGuard guard;

	private final Class<T> toolType;

	private final Function<T, @Nullable DataSource> dataSourceOf;

	private final BiConsumer<T, DataSource> setDataSource;

	MigrationSessionPreflight(MigrationStopGuard guard, Class<T> toolType, Function<T, @Nullable DataSource> dataSourceOf,
			BiConsumer<T, DataSource> setDataSource) {
		this.guard = guard;
		this.toolType = toolType;
		this.dataSourceOf = dataSourceOf;
		this.setDataSource = setDataSource;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		if (!this.toolType.isInstance(bean)) {
			return bean;
		}
		T tool = this.toolType.cast(bean);
		DataSource dataSource = this.dataSourceOf.apply(tool);
		if (dataSource == null) {
			return bean;
		}
		this.guard.arm();
		MigrationDataSource migrationDataSource = MigrationDataSource.wrap(dataSource, this.guard);
		if (migrationDataSource != null) {
			this.setDataSource.accept(tool, migrationDataSource);
			return bean;
		}
		// a pool of the user's own: checked on a connection of its own
		try {
			TransactionPoolerCheck.check(dataSource);
		}
		catch (SQLException ex) {
			// the tool connects again and fails with its own error, which the failure analysis explains
		}
		return bean;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
