package io.github.duality.autoconfigure.session;

import java.util.Properties;

import javax.sql.DataSource;

import io.github.duality.core.TransactionPoolerException;
import io.github.duality.testsupport.Peer;
import io.github.duality.testsupport.RequiresPeer;
import io.github.duality.testsupport.TestPgBouncer;
import io.github.duality.testsupport.TestPgBouncer.PoolMode;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The run-time check against the real thing: the test server itself, and Debian's PgBouncer in front of it in each
 * pool mode.
 */
class TransactionPoolerCheckTests {

	private final TestPostgres postgres = TestPostgres.get();

	@Test
	void serverItselfPasses() {
		assertThatNoException().isThrownBy(() -> TransactionPoolerCheck.check(dataSource(this.postgres.host(),
				this.postgres.port(), this.postgres.caCertificate().toString())));
	}

	@Test
	@RequiresPeer(Peer.PGBOUNCER)
	void sessionModePoolerPasses() {
		try (TestPgBouncer pgbouncer = TestPgBouncer.inFrontOf(this.postgres, PoolMode.SESSION)) {
			assertThatNoException().isThrownBy(() -> TransactionPoolerCheck
				.check(dataSource(pgbouncer.host(), pgbouncer.port(), pgbouncer.caCertificate().toString())));
		}
	}

	@Test
	@RequiresPeer(Peer.PGBOUNCER)
	void transactionModePoolerIsRecognised() {
		try (TestPgBouncer pgbouncer = TestPgBouncer.inFrontOf(this.postgres, PoolMode.TRANSACTION)) {
			assertThatExceptionOfType(TransactionPoolerException.class).isThrownBy(() -> TransactionPoolerCheck
				.check(dataSource(pgbouncer.host(), pgbouncer.port(), pgbouncer.caCertificate().toString())))
				.withMessageContaining("seen at run time: two migration connections were served by the same "
						+ "PostgreSQL session");
		}
	}

	private DataSource dataSource(String host, int port, String rootCertificate) {
		Properties properties = new Properties();
		properties.setProperty("sslmode", "verify-full");
		properties.setProperty("sslrootcert", rootCertificate);
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
				"jdbc:postgresql://" + host + ":" + port + "/" + this.postgres.database(), this.postgres.username(),
				this.postgres.password());
		dataSource.setConnectionProperties(properties);
		return dataSource;
	}

}
