package io.github.duality.autoconfigure.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.Peer;
import io.github.duality.testsupport.RequiresPeer;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database restarts under load, with the starter's pool defaults: no request fails once the server accepts
 * connections again, and health reports no DOWN after that. On a server of its own, as restarting the shared one
 * would break the other tests of this JVM.
 */
@RequiresPeer(Peer.WRK)
class RestartSurvivalTests {

	private static final Duration AFTER_OUTAGE = Duration.ofSeconds(8);

	private static Path wrk;

	private static TestPostgres postgres;

	private static ConfigurableApplicationContext application;

	private static int port;

	@BeforeAll
	static void startDatabaseAndApplication() {
		wrk = Peer.WRK.executable();
		postgres = TestPostgres.dedicated();
		application = new SpringApplicationBuilder(OperationsTestApplication.class)
			.properties("spring.datasource.url=" + postgres.databaseUrl(), "server.port=0",
					"spring.liquibase.change-log=classpath:db/operations/changelog.yaml",
					"spring.liquibase.contexts=v1", "management.endpoint.health.show-details=always",
					"management.endpoints.web.exposure.include=health")
			.run();
		port = ((WebServerApplicationContext) application).getWebServer().getPort();
	}

	@AfterAll
	static void stopApplicationAndDatabase() {
		if (application != null) {
			application.close();
		}
		if (postgres != null) {
			postgres.destroy();
		}
	}

	@Test
	void fastRestartUnderLoad() throws Exception {
		survive("pg_ctl restart -m fast", () -> postgres.restart());
	}

	@Test
	void fifteenSecondOutageUnderLoad() throws Exception {
		survive("15 s outage", () -> {
			postgres.stop();
			ChildApplication.pause(Duration.ofSeconds(15));
			postgres.startAgain();
		});
	}

	private void survive(String outage, Runnable restart) throws Exception {
		Wrk.Result warmUp = Wrk.start(wrk, url("/items"), Duration.ofSeconds(2)).await();
		assertThat(warmUp.errors()).as("before the outage:%n%s", warmUp.output()).isZero();

		// the pool's idle connections all die with the server: the first requests after it find them
		restart.run();
		After idle = loadAfterTheOutage();
		System.out.printf("Database restart (%s) with an idle pool: %s%n", outage, idle);

		// under load, requests in flight and during the outage fail: none may fail after it
		Wrk load = Wrk.start(wrk, url("/items"), Duration.ofSeconds(120));
		ChildApplication.pause(Duration.ofSeconds(2));
		restart.run();
		Wrk.Result during = load.stop();
		After loaded = loadAfterTheOutage();
		System.out.printf("Database restart (%s) under load: %d requests up to the server's return, %d failed; %s%n",
				outage, during.requests(), during.errors(), loaded);

		for (After after : List.of(idle, loaded)) {
			assertThat(after.load().requests()).isPositive();
			assertThat(after.load().errors()).as("failed requests once the server was back:%n%s",
					after.load().output()).isZero();
			assertThat(after.health()).isNotEmpty().containsOnly("UP");
		}
	}

	/** Called once the server accepts connections again. */
	private static After loadAfterTheOutage() throws Exception {
		HealthPolls health = HealthPolls.start(url("/actuator/health"));
		Wrk.Result load = Wrk.start(wrk, url("/items"), AFTER_OUTAGE).await();
		return new After(load, health.stop());
	}

	private record After(Wrk.Result load, List<String> health) {

		@Override
		public String toString() {
			return this.load.requests() + " requests after it, " + this.load.errors() + " failed; health after it: "
					+ this.health.size() + " polls, " + this.health.stream().filter((s) -> !"UP".equals(s)).count()
					+ " not UP";
		}

	}

	private static String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** Polls health every 250 ms on a thread of its own while the load runs. */
	private static final class HealthPolls {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private final List<String> statuses = new ArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		private HealthPolls(String url) {
			HttpClient client = HttpClient.newHttpClient();
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					this.statuses.add(poll(client, url));
					ChildApplication.pause(Duration.ofMillis(250));
				}
			}, "health-polls");
		}

		static HealthPolls start(String url) {
			HealthPolls polls = new HealthPolls(url);
			polls.thread.start();
			return polls;
		}

		List<String> stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join(Duration.ofSeconds(30).toMillis());
			return this.statuses;
		}

		/** The overall status, with the details of any status but UP. */
		private static String poll(HttpClient client, String url) {
			try {
				String body = client
					.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
							HttpResponse.BodyHandlers.ofString())
					.body();
				String status = JSON.readTree(body).path("status").asString();
				return "UP".equals(status) ? status : status + ": " + body;
			}
			catch (Exception ex) {
				return "no answer: " + ex;
			}
		}

	}

}
