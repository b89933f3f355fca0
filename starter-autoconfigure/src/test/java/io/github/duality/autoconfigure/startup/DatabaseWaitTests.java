package io.github.duality.autoconfigure.startup;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class DatabaseWaitTests {

	private static final SQLException REFUSED = new SQLException("Connection to localhost:5432 refused", "08001",
			new ConnectException("Connection refused"));

	private static final SQLException STARTING_UP = new SQLException("the database system is starting up", "57P03");

	private static final SQLException WRONG_PASSWORD = new SQLException("password authentication failed", "28P01");

	@Test
	void retriesWhileTheServerIsUnreachableOrStarting(CapturedOutput output) throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		String target = "jdbc:postgresql://h:5432/d (user app, sslmode require)";
		new DatabaseWait(Duration.ofSeconds(30)).connect("migration path", target, () -> {
			int attempt = attempts.incrementAndGet();
			if (attempt < 3) {
				throw (attempt == 1) ? REFUSED : STARTING_UP;
			}
		});
		assertThat(attempts).hasValue(3);
		assertThat(output.getAll()).contains("migration path cannot reach jdbc:postgresql://h:5432/d (user app, sslmode "
				+ "require) yet (attempt 1, 0s of duality.startup.wait 30s): Connection refused; retrying in 500 ms")
			.contains("(attempt 2, ")
			.contains("migration path reached jdbc:postgresql://h:5432/d (user app, sslmode require) at attempt 3");
	}

	@Test
	void doesNotRetryWhatWaitingCannotFix() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> new DatabaseWait(Duration.ofSeconds(30)).connect("migration path", "target", () -> {
				attempts.incrementAndGet();
				throw WRONG_PASSWORD;
			}))
			.isSameAs(WRONG_PASSWORD);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void givesUpWhenTheWaitIsOver() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> new DatabaseWait(Duration.ofSeconds(1)).connect("application path", "target", () -> {
				attempts.incrementAndGet();
				throw REFUSED;
			}))
			.isSameAs(REFUSED);
		assertThat(attempts).hasValue(2);
	}

}
