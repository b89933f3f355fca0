package io.github.duality.autoconfigure.session;

import java.sql.SQLException;
import java.util.Objects;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.github.duality.autoconfigure.MigrationTargetDetails;
import io.github.duality.autoconfigure.MigrationTool;
import io.github.duality.autoconfigure.TargetDescriptions;
import io.github.duality.autoconfigure.diagnostics.DerivedTargetConnectionException;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.JdbcTarget;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.AbstractDriverBasedDataSource;

/**
 * Before a migration tool takes any lock: it gets its data source as a {@link MigrationDataSource}, whose
 * connections the {@link MigrationStopGuard} knows and whose first one is checked to be a session of its own
 * ({@link TransactionPoolerCheck}). Ordered after the startup wait, which reads the tool's own data source.
 *
 * @param <T> the tool's bean that migrates (Liquibase) or is configured to (Flyway) when initialized
 */
class MigrationSessionPreflight<T> implements BeanPostProcessor, Ordered {

	private final MigrationStopGuard guard;

	private final MigrationTool<T> tool;

	private final ListableBeanFactory beanFactory;

	MigrationSessionPreflight(MigrationStopGuard guard, MigrationTool<T> tool, ListableBeanFactory beanFactory) {
		this.guard = guard;
		this.tool = tool;
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		if (!this.tool.type().isInstance(bean)) {
			return bean;
		}
		T tool = this.tool.type().cast(bean);
		DataSource dataSource = this.tool.dataSource(tool);
		if (dataSource == null) {
			return bean;
		}
		this.guard.arm();
		MigrationDataSource migrationDataSource = MigrationDataSource.wrap(dataSource, this.guard,
				connectionFailure(dataSource));
		if (migrationDataSource != null) {
			this.tool.useDataSource(tool, migrationDataSource);
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

	/**
	 * What a failure to connect becomes: for a one-off DataSource that Boot built from Duality's connection details
	 * (same URL and role), it carries the derived target for the failure analysis; any other DataSource is the
	 * application's own, and its failure stays the driver's.
	 */
	private UnaryOperator<SQLException> connectionFailure(DataSource dataSource) {
		// the tool's derived details exist only where Duality derives its target; asked first, so that a context
		// whose tool has details of its own never creates the derived connection (its URL may be unset there)
		MigrationTargetDetails details = this.beanFactory.getBeanProvider(this.tool.derivedDetailsType())
			.getIfUnique();
		if (details == null || !(dataSource instanceof AbstractDriverBasedDataSource driverBased)
				|| !details.getJdbcUrl().equals(driverBased.getUrl())
				|| !Objects.equals(details.getUsername(), driverBased.getUsername())) {
			return UnaryOperator.identity();
		}
		DerivedConnection derived = this.beanFactory.getBean(DerivedConnection.class);
		String target = TargetDescriptions.migrationTarget(derived.migration(), this.tool.userProperty(),
				driverBased.getUsername());
		JdbcTarget tlsTarget = derived.migrationJdbc();
		return (failure) -> new DerivedTargetConnectionException(failure, target, tlsTarget);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
