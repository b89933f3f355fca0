package io.github.duality.autoconfigure.diagnostics;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.TransactionPooler;
import io.github.duality.core.TransactionPoolerException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionPoolerFailureAnalyzerTests {

	private static final String POOLED_URL = "postgres://app:s3cret-pw@bouncer.internal:6432/shop?pgbouncer=true";

	@Test
	void poolerTheUrlShowsIsExplainedWithTheMigrationUrlToSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", POOLED_URL);
		TransactionPoolerException refusal = DatabaseUrl.derive(POOLED_URL, null, null).migration().refusal()
			.orElseThrow();
		FailureAnalysis analysis = new TransactionPoolerFailureAnalyzer(environment)
			.analyze(new BeanCreationException("dualityJdbcConnectionDetails", "failed", refusal));
		assertThat(analysis.getDescription())
			.contains("Duality will not run migrations through a transaction pooler")
			.contains("A transaction pooler (pgbouncer=true) is in front of this URL")
			.contains("Property:  spring.datasource.url")
			.contains("Migrated:  nothing")
			.doesNotContain("s3cret-pw");
		assertThat(analysis.getAction()).startsWith("Set duality.migration.url to the direct endpoint")
			.doesNotContain("duality.pooler=transaction")
			.contains("README, Poolers");
	}

	@Test
	void poolerSeenAtRunTimeAlsoAsksForThePoolerProperty() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"postgres://app:s3cret-pw@bouncer.internal:6432/shop");
		FailureAnalysis analysis = new TransactionPoolerFailureAnalyzer(environment).analyze(runTimeRefusal());
		assertThat(analysis.getDescription()).contains("seen at run time").contains("Property:  spring.datasource.url");
		assertThat(analysis.getAction()).contains("Set duality.migration.url")
			.contains("Also set duality.pooler=transaction");
	}

	@Test
	void migrationUrlSeenToGoThroughAPoolerIsTheOneToChange() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "postgres://app:s3cret-pw@bouncer.internal:6432/shop")
			.withProperty("duality.migration.url", "postgres://session-pooler.internal:6432/shop");
		FailureAnalysis analysis = new TransactionPoolerFailureAnalyzer(environment).analyze(runTimeRefusal());
		assertThat(analysis.getDescription()).contains("Property:  duality.migration.url");
		assertThat(analysis.getAction()).startsWith("Point duality.migration.url at the direct endpoint");
	}

	@Test
	void leavesOtherFailuresAlone() {
		assertThat(new TransactionPoolerFailureAnalyzer(new MockEnvironment())
			.analyze(new IllegalStateException("not a pooler"))).isNull();
	}

	private static TransactionPoolerException runTimeRefusal() {
		return new TransactionPoolerException(new TransactionPooler(null,
				"seen at run time: two migration connections were served by the same PostgreSQL session 42",
				"the database server's own host and port, or a session-mode pooler", null));
	}

}
