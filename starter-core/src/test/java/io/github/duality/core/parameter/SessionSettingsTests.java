package io.github.duality.core.parameter;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.duality.core.model.InvalidConnectionUrlException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class SessionSettingsTests {

	@Test
	void commandLineInEveryServerSpelling() {
		assertThat(SessionSettings.parseCommandLine("-c search_path=a,b -cstatement_timeout=5s --lock-timeout=1s",
				"options"))
			.containsExactly(entry("search_path", "a,b"), entry("statement_timeout", "5s"), entry("lock_timeout", "1s"));
	}

	@Test
	void namesAreCaseInsensitiveAndValuesKeepTheirCase() {
		assertThat(SessionSettings.parseCommandLine("-c Search_Path=MySchema", "options"))
			.containsExactly(entry("search_path", "MySchema"));
	}

	@Test
	void backslashEscapesSurviveARoundTrip() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("app.label", "two words\\and a backslash");
		settings.put("search_path", "\"My Schema\"");
		String commandLine = SessionSettings.formatCommandLine(settings);
		assertThat(commandLine).isEqualTo("-c app.label=two\\ words\\\\and\\ a\\ backslash -c search_path=\"My\\ Schema\"");
		assertThat(SessionSettings.parseCommandLine(commandLine, "options")).isEqualTo(settings);
	}

	@Test
	void onlySettingsCanBeCarried() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> SessionSettings.parseCommandLine("-B 100", "options"))
			.withMessageContaining("'-B'");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> SessionSettings.parseCommandLine("-c search_path", "options"))
			.withMessageContaining("no value");
	}

	@Test
	void r2dbcPairs() {
		assertThat(SessionSettings.parseR2dbc("search_path=s1;statement_timeout=1000", "options"))
			.containsExactly(entry("search_path", "s1"), entry("statement_timeout", "1000"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> SessionSettings.parseR2dbc("a=b=c", "options"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> SessionSettings.parseR2dbc("lonely", "options"));
	}

}
