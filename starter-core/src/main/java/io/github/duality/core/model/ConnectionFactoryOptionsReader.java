package io.github.duality.core.model;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

/**
 * Lists every option of a {@link ConnectionFactoryOptions}. The SPI only answers for options one already knows, but
 * finding misspelled options and printing a masked view need the names that are there.
 */
public final class ConnectionFactoryOptionsReader {

	private static final Field OPTIONS_FIELD = optionsField();

	private ConnectionFactoryOptionsReader() {
	}

	/** Option name to value, in no particular order. */
	public static Map<String, Object> read(ConnectionFactoryOptions options) {
		Map<String, Object> byName = new LinkedHashMap<>();
		try {
			Map<?, ?> map = (Map<?, ?>) OPTIONS_FIELD.get(options);
			map.forEach((option, value) -> byName.put(((Option<?>) option).name(), value));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read r2dbc-spi's ConnectionFactoryOptions", ex);
		}
		return byName;
	}

	private static Field optionsField() {
		try {
			Field field = ConnectionFactoryOptions.class.getDeclaredField("options");
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("This r2dbc-spi version keeps its options differently than 1.0 does", ex);
		}
	}

}
