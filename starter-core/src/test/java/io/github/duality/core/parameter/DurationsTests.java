package io.github.duality.core.parameter;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTests {

	@ParameterizedTest
	@CsvSource({ "10, PT0.01S", "10ms, PT0.01S", "10s, PT10S", "10S, PT10S", "2m, PT2M", "1h, PT1H", "1d, PT24H",
			"500us, PT0.0005S", "7ns, PT0.000000007S", "PT10S, PT10S", "pt1m30s, PT1M30S" })
	void r2dbcSpellings(String text, String expected) {
		assertThat(Durations.parseR2dbc(text)).contains(Duration.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.5s", "10 seconds", "ten", "10x", "" })
	void whatR2dbcCannotReadEither(String text) {
		assertThat(Durations.parseR2dbc(text)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "10, PT10S", "0, PT0S" })
	void pgjdbcSeconds(String text, String expected) {
		assertThat(Durations.parseSeconds(text)).contains(Duration.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "1.5", "10s", "" })
	void whatPgjdbcCannotRead(String text) {
		assertThat(Durations.parseSeconds(text)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "PT10S, 10", "PT0.001S, 1", "PT1.5S, 2", "PT0S, 0" })
	void wholeSecondsRoundUp(String duration, long seconds) {
		assertThat(Durations.toWholeSecondsRoundedUp(Duration.parse(duration))).isEqualTo(seconds);
	}

}
