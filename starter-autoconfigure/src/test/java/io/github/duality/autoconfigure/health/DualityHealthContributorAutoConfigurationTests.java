package io.github.duality.autoconfigure.health;

import java.util.ArrayList;
import java.util.List;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of the {@code database} health contributor. Nothing here connects.
 */
class DualityHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class, DualityHealthContributorAutoConfiguration.class,
				ConnectionFactoryHealthContributorAutoConfiguration.class))
		.withInitializer((context) -> new HealthDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), null))
		.withPropertyValues("spring.liquibase.enabled=false",
				"spring.datasource.url=postgres://app:secret@db.example.com/shop");

	@Test
	void contributesMigrationAndApplicationComponentsAndReplacesBootsR2dbcIndicator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("databaseHealthContributor").doesNotHaveBean("r2dbcHealthContributor");
			CompositeReactiveHealthContributor database = context.getBean("databaseHealthContributor",
					CompositeReactiveHealthContributor.class);
			List<String> names = new ArrayList<>();
			database.stream().forEach((entry) -> names.add(entry.name()));
			assertThat(names).containsExactly("migration", "application");
			assertThat(database.getContributor("migration")).isInstanceOf(MigrationPathHealthIndicator.class);
			assertThat(database.getContributor("application")).isInstanceOf(ApplicationPathHealthIndicator.class);
		});
	}

	@Test
	void bootsR2dbcIndicatorComesBackWhenAskedFor() {
		this.contextRunner.withPropertyValues("management.health.r2dbc.enabled=true")
			.run((context) -> assertThat(context).hasBean("databaseHealthContributor")
				.hasBean("r2dbcHealthContributor"));
	}

	@Test
	void oneSwitchTurnsBothComponentsOff() {
		this.contextRunner.withPropertyValues("management.health.database.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("databaseHealthContributor")
				.hasBean("r2dbcHealthContributor"));
	}

	@Test
	void isOffWithTheStarter() {
		this.contextRunner
			.withPropertyValues("duality.enabled=false", "spring.r2dbc.url=r2dbc:postgresql://u:p@db.example.com/shop")
			.run((context) -> assertThat(context).doesNotHaveBean("databaseHealthContributor")
				.hasBean("r2dbcHealthContributor"));
	}

}
