package io.github.duality.core.parameter;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two ways the drivers write time: pgjdbc and libpq in whole seconds, r2dbc as a {@link Duration} (where a bare
 * number means milliseconds, a unit suffix such as {@code 10s} or ISO-8601 such as {@code PT10S} is also read).
 */
final class Durations {

	private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("([+-]?\\d+)([a-zA-Z]{0,2})");

	private static final Map<String, ChronoUnit> UNITS = Map.of("ns", ChronoUnit.NANOS, "us", ChronoUnit.MICROS, "ms",
			ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d",
			ChronoUnit.DAYS);

	private Durations() {
	}

	/** A duration as r2dbc reads one from a URL; empty if r2dbc would not read it either. */
	static Optional<Duration> parseR2dbc(String text) {
		Matcher simple = NUMBER_WITH_UNIT.matcher(text.trim());
		if (simple.matches()) {
			String unit = simple.group(2).toLowerCase(Locale.ROOT);
			ChronoUnit chronoUnit = unit.isEmpty() ? ChronoUnit.MILLIS : UNITS.get(unit);
			if (chronoUnit == null) {
				return Optional.empty();
			}
			try {
				return Optional.of(Duration.of(Long.parseLong(simple.group(1)), chronoUnit));
			}
			catch (NumberFormatException | ArithmeticException ex) {
				return Optional.empty();
			}
		}
		try {
			return Optional.of(Duration.parse(text.trim()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** Whole, non-negative seconds as pgjdbc and libpq write them; empty for anything else. */
	static Optional<Duration> parseSeconds(String text) {
		try {
			int seconds = Integer.parseInt(text.trim());
			return (seconds >= 0) ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Whole seconds for pgjdbc, rounded up so that a timeout never becomes shorter (or zero, which means none). */
	static long toWholeSecondsRoundedUp(Duration duration) {
		long seconds = duration.getSeconds();
		return (duration.getNano() > 0) ? seconds + 1 : seconds;
	}

	static boolean isWholeSeconds(Duration duration) {
		return duration.getNano() == 0;
	}

}
