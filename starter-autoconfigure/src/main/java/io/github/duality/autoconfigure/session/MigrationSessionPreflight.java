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
 * Before a migration tool takes any lock: its connections become known to the {@link MigrationStopGuard}, and its
 * data source is checked to give sessions of their own ({@link TransactionPoolerCheck}). Ordered after the startup
 * wait, so that the check meets a server that is up.
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
		this.setDataSource.accept(tool, this.guard.guard(dataSource));
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
