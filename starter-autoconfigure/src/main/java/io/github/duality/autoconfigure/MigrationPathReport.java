package io.github.duality.autoconfigure;

import java.util.List;

import io.github.duality.autoconfigure.jdbc.MigrationTargetDetails;
import io.github.duality.core.DerivedConnection;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * One migration tool's part of the startup line: where it migrates, or what the user configured it with. Each
 * tool's auto-configuration registers one with the tool's names and types; the tools differ in nothing else here.
 */
public final class MigrationPathReport implements Ordered {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private final String tool;

	private final String propertyPrefix;

	private final Class<? extends MigrationTargetDetails> derivedType;

	private final List<Class<?>> explicitTypes;

	private final int order;

	/**
	 * @param tool the tool's name, e.g. {@code Liquibase}
	 * @param propertyPrefix the prefix of Boot's properties for the tool, e.g. {@code spring.liquibase}
	 * @param derivedType the tool's derived connection details
	 * @param explicitTypes the beans that configure the tool by hand, in the order Boot gives them precedence
	 * @param order the tool's place in the startup line
	 */
	public MigrationPathReport(ConfigurableListableBeanFactory beanFactory, Environment environment, String tool,
			String propertyPrefix, Class<? extends MigrationTargetDetails> derivedType, List<Class<?>> explicitTypes,
			int order) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.tool = tool;
		this.propertyPrefix = propertyPrefix;
		this.derivedType = derivedType;
		this.explicitTypes = explicitTypes;
		this.order = order;
	}

	public String describe() {
		MigrationTargetDetails derived = this.beanFactory.getBeanProvider(this.derivedType).getIfUnique();
		if (derived != null) {
			return TargetDescriptions.migration(this.beanFactory.getBean(DerivedConnection.class),
					this.propertyPrefix + ".user", derived.getUsername(), this.tool,
					this.environment.getProperty(this.propertyPrefix + ".enabled", Boolean.class, true));
		}
		return ExplicitConfiguration.describe(this.beanFactory, this.environment, this.propertyPrefix + ".url",
				this.explicitTypes.toArray(Class<?>[]::new));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
