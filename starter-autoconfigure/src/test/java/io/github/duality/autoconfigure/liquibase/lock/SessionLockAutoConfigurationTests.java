package io.github.duality.autoconfigure.liquibase.lock;

import java.util.ArrayList;
import java.util.List;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLockAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SessionLockAutoConfiguration.class))
		.withUserConfiguration(UserLiquibaseConfiguration.class);

	@Test
	void optsSpringLiquibaseBeansInAndKeepsTheirCustomizer() {
		this.contextRunner.run((context) -> {
			ResourceAccessor resources = new ClassLoaderResourceAccessor();
			Database database = DatabaseFactory.getInstance()
				.openDatabase("offline:postgresql", null, null, null, resources);
			Liquibase run = new Liquibase("changelog.yaml", resources, database);
			context.getBean(SpringLiquibase.class).getCustomizer().customize(run);
			assertThat(SessionLockDatabases.isOptedIn(database)).isTrue();
			assertThat(UserLiquibaseConfiguration.customized).contains(run);
		});
	}

	@Test
	void backsOffWhenDualityIsDisabled() {
		this.contextRunner.withPropertyValues("duality.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SessionLockCustomizer.class);
			assertThat(context.getBean(SpringLiquibase.class).getCustomizer())
				.isSameAs(UserLiquibaseConfiguration.userCustomizer);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserLiquibaseConfiguration {

		static final List<Liquibase> customized = new ArrayList<>();

		static final liquibase.integration.spring.Customizer<Liquibase> userCustomizer = customized::add;

		@Bean
		SpringLiquibase liquibase() {
			SpringLiquibase liquibase = new SpringLiquibase();
			liquibase.setShouldRun(false);
			liquibase.setCustomizer(userCustomizer);
			return liquibase;
		}

	}

}
