package io.github.duality.sample.naive;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The DataSource that apps add when Liquibase does not run next to R2DBC: Boot's {@code DataSourceAutoConfiguration}
 * backs off once a {@code ConnectionFactory} exists, and Liquibase needs a DataSource. This is the custom DataSource
 * recipe of Boot's reference guide, so the pool stays open, and holds its connections, for the life of the app.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSourceProperties.class)
class NaiveDataSourceConfiguration {

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties properties) {
		return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
	}

}
