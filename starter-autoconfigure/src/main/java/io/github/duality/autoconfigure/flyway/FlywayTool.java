package io.github.duality.autoconfigure.flyway;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.github.duality.autoconfigure.MigrationTargetDetails;
import io.github.duality.autoconfigure.MigrationTool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;

/**
 * Flyway as the starter works with it: the {@link Flyway} bean is initialized before the bean that migrates with it,
 * which reads the Flyway's configuration, and Flyway keeps its history in {@code flyway_schema_history} unless
 * {@code spring.flyway.*} say otherwise. Boot's Flyway types are named in method bodies only: this class loads with
 * Flyway alone.
 */
public final class FlywayTool extends MigrationTool<Flyway> {

	public static final FlywayTool INSTANCE = new FlywayTool();

	/** Flyway's marker row for schemas it created: not a migration. */
	private static final String APPLIED = "success and type <> 'SCHEMA'";

	private FlywayTool() {
		super("Flyway", Flyway.class, 1);
	}

	@Override
	public @Nullable DataSource dataSource(Flyway tool) {
		return tool.getConfiguration().getDataSource();
	}

	/** Boot's Flyway is built from a {@link ClassicConfiguration}, the one that can be changed. */
	@Override
	public void useDataSource(Flyway tool, DataSource dataSource) {
		if (tool.getConfiguration() instanceof ClassicConfiguration configuration) {
			configuration.setDataSource(dataSource);
		}
	}

	@Override
	public Class<? extends MigrationTargetDetails> derivedDetailsType() {
		return DerivedFlywayConnectionDetails.class;
	}

	@Override
	public List<Class<?>> explicitTypes() {
		return List.of(Flyway.class, FlywayConnectionDetails.class);
	}

	@Override
	public MigrationTool.@Nullable JdbcLogin connection(ListableBeanFactory beanFactory) {
		FlywayConnectionDetails details = beanFactory.getBeanProvider(FlywayConnectionDetails.class).getIfUnique();
		return (details != null)
				? MigrationTool.JdbcLogin.of(details.getJdbcUrl(), details.getUsername(), details.getPassword())
				: null;
	}

	/**
	 * Where Flyway keeps its history, as its {@code spring.flyway.*} properties say: in the default schema, else the
	 * first of its schemas, else the connection's current schema.
	 */
	@Override
	public @Nullable String historySchema(Binder binder) {
		return binder.bind("spring.flyway.default-schema", String.class)
			.orElseGet(() -> binder.bind("spring.flyway.schemas", Bindable.listOf(String.class))
				.map((schemas) -> schemas.isEmpty() ? null : schemas.get(0))
				.orElse(null));
	}

	@Override
	public String historyTable(Binder binder) {
		return binder.bind("spring.flyway.table", String.class).orElse("flyway_schema_history");
	}

	@Override
	public String appliedAndLast(String table) {
		return "select count(*) filter (where " + APPLIED + "), (select script from " + table + " where " + APPLIED
				+ " order by installed_rank desc limit 1) from " + table;
	}

	/**
	 * The migrations Flyway would apply, as the application's {@link Flyway} bean sees them ({@code info()}: its
	 * locations, schemas and history table, over its own unpooled DataSource).
	 */
	@Override
	public List<String> pending(Flyway tool) {
		return Arrays.stream(tool.info().pending()).map(MigrationInfo::getScript).toList();
	}

}
