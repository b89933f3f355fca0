package io.github.duality.autoconfigure.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.Peer;
import io.github.duality.testsupport.RequiresPeer;
import io.github.duality.testsupport.TestPgBouncer;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application behind Debian's PgBouncer in transaction mode, TLS on both sides, each instance a JVM of its own:
 * migrations never go through the pooler. Without a direct endpoint the start is refused before anything migrates;
 * with {@code duality.migration.url}, four instances started at once all come up, migrate once over direct sessions,
 * leave no advisory lock behind and serve a concurrent load through the pooler without an error.
 */
@RequiresPeer(Peer.PGBOUNCER)
class TransactionPoolerTests {

	private static final int REPLICAS = 4;

	// four JVMs starting at once on a shared, busy machine
	private static final Duration STARTUP = Duration.ofSeconds(300);

	private static final Duration REFUSAL = Duration.ofSeconds(90);

	private static final TestPostgres postgres = TestPostgres.get();

	private static TestPgBouncer pgbouncer;

	@BeforeAll
	static void startPgBouncer() {
		pgbouncer = TestPgBouncer.inFrontOf(postgres, TestPgBouncer.PoolMode.TRANSACTION);
	}

	@AfterAll
	static void stopPgBouncer() {
		pgbouncer.close();
	}

	@Test
	void pooledUrlAloneIsRefusedBeforeAnythingMigrates() throws Exception {
		Deployment release = release("pooler_refused");
		try (ChildApplication app = release.startBehindPooler("pooler-refused",
				pgbouncer.databaseUrl("pooler_refused") + "&pgbouncer=true", false)) {
			assertThat(app.awaitExit(REFUSAL)).as(app.output()).isNotZero();
			assertThat(app.output()).contains("Duality will not run migrations through a transaction pooler")
				.contains("pgbouncer=true")
				.contains("Set duality.migration.url to the direct endpoint")
				.contains("Property:  spring.datasource.url")
				.doesNotContain(postgres.password())
				.doesNotContain("Running Changeset");
		}
		assertThat(release.liquibaseTablesExist()).as("Liquibase tables created").isFalse();
	}

	@Test
	void poolerTheUrlDoesNotShowIsRecognisedOnTheMigrationConnectionBeforeAnyLock() throws Exception {
		Deployment release = release("pooler_unmarked");
		try (ChildApplication app = release.startBehindPooler("pooler-unmarked", pgbouncer.databaseUrl("pooler_unmarked"),
				false)) {
			assertThat(app.awaitExit(REFUSAL)).as(app.output()).isNotZero();
			assertThat(app.output()).contains("Duality will not run migrations through a transaction pooler")
				.contains("seen at run time: two migration connections were served by the same PostgreSQL session")
				.contains("Also set duality.pooler=transaction")
				.doesNotContain(postgres.password())
				.doesNotContain("Running Changeset");
		}
		assertThat(release.liquibaseTablesExist()).as("Liquibase tables created").isFalse();
		assertThat(release.advisoryLocksHeld()).isZero();
	}

	@Test
	// psql reads PgBouncer's admin console (SHOW CLIENTS) once the instances are up
	@RequiresPeer(Peer.PSQL)
	void fourInstancesAtOnceMigrateDirectlyOnceAndServeThroughThePooler() throws Exception {
		Deployment release = release("pooler_deploy");
		List<ChildApplication> instances = new ArrayList<>();
		try {
			for (int replica = 1; replica <= REPLICAS; replica++) {
				instances.add(release.startBehindPooler("pooler-deploy-" + replica,
						pgbouncer.databaseUrl("pooler_deploy") + "&pgbouncer=true", true));
			}
			for (ChildApplication instance : instances) {
				instance.awaitUp(STARTUP);
			}
			release.assertAppliedExactlyOnce(Deployment.V1_CHANGE_SETS);
			assertThat(release.advisoryLocksHeld()).as("advisory locks left after startup").isZero();
			assertThat(instances.get(0).output())
				.contains("application path -> r2dbc:postgresql://" + pgbouncer.host() + ":" + pgbouncer.port()
						+ "/pooler_deploy")
				.contains("through a transaction pooler (pgbouncer=true), no server-side prepared statements")
				.contains("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/pooler_deploy")
				.contains("(endpoint: duality.migration.url)");
			assertThat(pgbouncer.clients("pooler_deploy")).as("the application's connections, as PgBouncer sees them")
				.hasSizeGreaterThanOrEqualTo(REPLICAS)
				.allSatisfy((client) -> assertThat(client.get("tls")).startsWith("TLS"));
			int errors = load(instances, Duration.ofSeconds(20));
			assertThat(errors).as("failed requests through the pooler:%n%s", pgbouncer.log()).isZero();
		}
		finally {
			for (ChildApplication instance : instances) {
				instance.close();
			}
		}
	}

	@Test
	void instanceKilledMidMigrationOverTheDirectEndpointIsRecoveredFrom() throws Exception {
		Deployment release = release("pooler_crash").withSleep(120);
		String pooledUrl = pgbouncer.databaseUrl("pooler_crash") + "&pgbouncer=true";
		try (ChildApplication killed = release.startBehindPooler("pooler-crash-killed", pooledUrl, true)) {
			CrashRecoveryTests.awaitSlowChangeSet(release, killed);
			try (ChildApplication next = release.withSleep(0).startBehindPooler("pooler-crash-next", pooledUrl, true)) {
				next.awaitOutput("Waiting for the Liquibase change-log lock", STARTUP);
				killed.kill();
				next.awaitUp(STARTUP);
				assertThat(next.output()).contains("Releasing the Liquibase change-log lock that");
				release.assertAppliedExactlyOnce(Deployment.V1_CHANGE_SETS);
				assertThat(release.advisoryLocksHeld()).isZero();
			}
		}
	}

	/**
	 * POST and GET, alternating, from eight clients spread over the instances for {@code duration}.
	 * @return the requests that did not answer 200
	 */
	private static int load(List<ChildApplication> instances, Duration duration) throws Exception {
		List<Integer> ports = new ArrayList<>();
		for (ChildApplication instance : instances) {
			ports.add(instance.awaitPort(STARTUP));
		}
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		long end = System.nanoTime() + duration.toNanos();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int client = 0; client < 8; client++) {
				int first = client;
				running.add(clients.submit(() -> {
					for (int request = first; System.nanoTime() < end; request++) {
						int port = ports.get(request % ports.size());
						try {
							HttpResponse<String> response = (request % 2 == 0) ? ChildApplication.post(port, "/items")
									: ChildApplication.get(port, "/items");
							if (response.statusCode() != 200) {
								errors.incrementAndGet();
								System.out.println("Request failed: " + response.statusCode() + " " + response.body());
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
							System.out.println("Request failed: " + ex);
						}
						requests.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
			}
		}
		finally {
			clients.shutdownNow();
		}
		System.out.printf("Load through PgBouncer (transaction mode): %d requests in %s, %d failed%n", requests.get(),
				duration, errors.get());
		assertThat(requests.get()).as("requests sent").isGreaterThan(100);
		return errors.get();
	}

	private static Deployment release(String database) {
		postgres.createDatabase(database);
		return new Deployment(postgres, database, "v1", 0);
	}

}
