package io.github.duality.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Liquibase run as an app's own log shows it (Spring Boot's default console format): from Liquibase's first log
 * line, written once its JDBC connection is open, to its {@code Command execution complete}. The same lines in every
 * wiring, whatever lock service or listeners it has.
 */
final class LiquibaseLog {

	private static final Pattern LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+)\\s+\\w+\\s.*?\\s(\\S+)\\s+: (.*)$");

	private LiquibaseLog() {
	}

	static Duration runTime(List<String> lines) {
		OffsetDateTime first = null;
		for (String line : lines) {
			Matcher matcher = LINE.matcher(line);
			if (!matcher.matches() || !matcher.group(2).startsWith("liquibase.")) {
				continue;
			}
			OffsetDateTime at = OffsetDateTime.parse(matcher.group(1));
			if (first == null) {
				first = at;
			}
			if (matcher.group(2).equals("liquibase.command") && matcher.group(3).startsWith("Command execution complete")) {
				return Duration.between(first, at);
			}
		}
		throw new IllegalStateException((first == null) ? "Liquibase logged nothing"
				: "Liquibase never logged 'Command execution complete'");
	}

}
