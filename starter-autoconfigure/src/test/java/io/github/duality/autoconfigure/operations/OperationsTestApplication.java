package io.github.duality.autoconfigure.operations;

import java.util.concurrent.ThreadLocalRandom;

import io.github.duality.autoconfigure.process.ChildApplication;
import liquibase.util.LiquibaseUtil;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the operations tests deploy, as separate JVMs or in the test's own: endpoints that query the
 * database through the pool, and one that writes in a transaction. It prints its HTTP port and Liquibase version for {@link ChildApplication}.
 */
@SpringBootApplication
@RestController
public class OperationsTestApplication {

	static final String LIQUIBASE_LINE = "OPERATIONS-TEST-LIQUIBASE=";

	private final DatabaseClient databaseClient;

	private final TransactionalOperator transactions;

	OperationsTestApplication(DatabaseClient databaseClient, TransactionalOperator transactions) {
		this.databaseClient = databaseClient;
		this.transactions = transactions;
	}

	/** Inserts an item and counts the items, both in one transaction: the count includes the new item. */
	@PostMapping("/items")
	Mono<Long> addItem() {
		long id = ThreadLocalRandom.current().nextLong(1_000, Long.MAX_VALUE);
		return this.databaseClient.sql("insert into item (id, note) values (:id, 'posted')")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.then(this.databaseClient.sql("select count(*) from item where id = :id")
				.bind("id", id)
				.map((row) -> row.get(0, Long.class))
				.one())
			.as(this.transactions::transactional);
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
