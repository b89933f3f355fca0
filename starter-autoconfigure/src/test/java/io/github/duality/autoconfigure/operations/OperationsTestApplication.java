package io.github.duality.autoconfigure.operations;

import io.github.duality.autoconfigure.process.ChildApplication;
import liquibase.util.LiquibaseUtil;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the operations tests deploy, as separate JVMs or in the test's own: one endpoint that queries
 * the database through the pool. It prints its HTTP port and Liquibase version for {@link ChildApplication}.
 */
@SpringBootApplication
@RestController
public class OperationsTestApplication {

	static final String LIQUIBASE_LINE = "OPERATIONS-TEST-LIQUIBASE=";

	private final DatabaseClient databaseClient;

	OperationsTestApplication(DatabaseClient databaseClient) {
		this.databaseClient = databaseClient;
	}

	@GetMapping("/items")
	Mono<Long> items() {
		return this.databaseClient.sql("select count(*) from item").map((row) -> row.get(0, Long.class)).one();
	}

	@Bean
	static ApplicationListener<WebServerInitializedEvent> operationsTestPortPrinter() {
		return ChildApplication.portPrinter();
	}

	public static void main(String[] args) {
		System.out.println(LIQUIBASE_LINE + LiquibaseUtil.getBuildVersion());
		SpringApplication.run(OperationsTestApplication.class, args);
	}

}
