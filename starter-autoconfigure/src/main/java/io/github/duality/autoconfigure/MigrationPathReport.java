package io.github.duality.autoconfigure;

import io.github.duality.core.DerivedConnection;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * One migration tool's part of the startup line: where it migrates, or what the user configured it with. Each
 * tool's auto-configuration registers one for its {@link MigrationTool}.
 */
public final class MigrationPathReport implements Ordered {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private final MigrationTool<?> tool;

	public MigrationPathReport(ConfigurableListableBeanFactory beanFactory, Environment environment,
			MigrationTool<?> tool) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.tool = tool;
	}

	public String describe() {
		MigrationTargetDetails derived = this.beanFactory.getBeanProvider(this.tool.derivedDetailsType()).getIfUnique();
		if (derived != null) {
			return TargetDescriptions.migration(this.beanFactory.getBean(DerivedConnection.class),
					this.tool.userProperty(), derived.getUsername(), this.tool.name(),
					this.environment.getProperty(this.tool.propertyPrefix() + ".enabled", Boolean.class, true));
		}
		return ExplicitConfiguration.describe(this.beanFactory, this.environment, this.tool.propertyPrefix() + ".url",
				this.tool.explicitTypes().toArray(Class<?>[]::new));
	}

	/** The tool's place in the startup line. */
	@Override
	public int getOrder() {
		return this.tool.order();
	}

}
