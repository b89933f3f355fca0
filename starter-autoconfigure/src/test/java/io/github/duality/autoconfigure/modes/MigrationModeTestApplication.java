package io.github.duality.autoconfigure.modes;

import io.github.duality.autoconfigure.process.ChildApplication;
import reactor.core.publisher.Mono;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the migration mode tests run as separate JVMs, with either migration tool: one endpoint that
 * queries through the pool, a runner, and a line with its HTTP port, so that a test sees what it started.
 */
@SpringBootApplication
@RestController
public class MigrationModeTestApplication {

	static final String RUNNER_LINE = "MODES-TEST-RUNNER-RAN";

	private final DatabaseClient databaseClient;

	MigrationModeTestApplication(DatabaseClient databaseClient) {
		this.databaseClient = databaseClient;
	}

	@GetMapping("/ping")
	Mono<Integer> ping() {
		return this.databaseClient.sql("select 1").map((row) -> row.get(0, Integer.class)).one();
	}

	@Bean
	static ApplicationListener<WebServerInitializedEvent> modesTestPortPrinter() {
		return ChildApplication.portPrinter();
	}

	@Bean
	CommandLineRunner modesTestRunner() {
		return (args) -> System.out.println(RUNNER_LINE);
	}

	public static void main(String[] args) {
		SpringApplication.run(MigrationModeTestApplication.class, args);
	}

}
