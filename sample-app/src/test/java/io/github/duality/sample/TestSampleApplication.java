package io.github.duality.sample;

import java.util.Arrays;

import io.github.duality.testsupport.TestPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Runs the sample app on a throwaway PostgreSQL: {@code ./mvnw -pl sample-app -am spring-boot:test-run}. The
 * project's test fixture provides it (Testcontainers when Docker answers, otherwise the installed PostgreSQL server
 * binaries, otherwise those of a Maven artifact; TLS on every way), and the app reaches it through
 * {@code spring.datasource.url} alone, exactly as in production.
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		TestPostgres postgres = TestPostgres.get();
		String url = TestDatabaseUrls.postgres(postgres);
		// the fixture has already logged how it provisioned the server; this is what the app is given
		System.out.println("Dev database URL: " + TestDatabaseUrls.masked(url, postgres));
		String[] withUrl = Arrays.copyOf(args, args.length + 1);
		withUrl[args.length] = "--spring.datasource.url=" + url;
		SpringApplication.from(SampleApplication::main).with(DevConsole.class).run(withUrl);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class DevConsole {

		@Bean
		ApplicationListener<WebServerInitializedEvent> announceAddress() {
			return (event) -> System.out
				.println("Sample app listening on http://localhost:" + event.getWebServer().getPort());
		}

	}

}
