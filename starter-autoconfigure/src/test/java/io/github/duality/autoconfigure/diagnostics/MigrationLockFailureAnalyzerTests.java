package io.github.duality.autoconfigure.diagnostics;

import java.net.ConnectException;
import java.sql.SQLException;

import liquibase.exception.LockException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationLockFailureAnalyzerTests {

	private final MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
			"postgres://app:s3cret-pw@db.example.com/shop?sslmode=require");

	private final MigrationLockFailureAnalyzer analyzer = new MigrationLockFailureAnalyzer(this.environment, null);

	@Test
	void namesTheHolderAndHowToWaitLonger() {
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("liquibase", "init failed",
				new LockException("Could not acquire the Liquibase change-log lock public.databasechangeloglock "
						+ "within 5 min: held by pod-7 since 10:00 (PostgreSQL session 4242, still connected)")));
		assertThat(analysis.getDescription()).contains("did not get the Liquibase change-log lock")
			.contains("PostgreSQL session 4242")
			.contains("Tried:     jdbc:postgresql://db.example.com:5432/shop (user app")
			.doesNotContain("s3cret-pw");
		assertThat(analysis.getAction()).contains("liquibase.changelogLockWaitTimeInMinutes")
			.contains("pg_terminate_backend");
	}

	@Test
	void leavesALockLostWithTheConnectionToTheConnectionAnalysis() {
		assertThat(this.analyzer.analyze(new LockException(new SQLException("Connection refused", "08001",
				new ConnectException("Connection refused"))))).isNull();
	}

	@Test
	void leavesOtherFailuresAlone() {
		assertThat(this.analyzer.analyze(new IllegalStateException("no lock here"))).isNull();
	}

}
