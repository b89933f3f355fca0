package io.github.duality.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Parameter.Fate;
import io.github.duality.core.parameter.Parameter;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGProperty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The parameter table is complete against the real drivers, and every fate it states is what derivation does.
 */
class ParameterTableTests {

	@TempDir
	Path home;

	@Test
	void everyPgjdbcPropertyHasExactlyOneRow() {
		Set<String> properties = new TreeSet<>();
		Arrays.stream(PGProperty.values()).forEach((property) -> properties.add(property.getName()));
		assertThat(properties).hasSize(92);
		assertThat(namesIn(ParameterFamily.PGJDBC)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(properties);
	}

	@Test
	void everyR2dbcOptionHasExactlyOneRow() throws IllegalAccessException {
		Set<String> options = new TreeSet<>();
		for (Class<?> type : List.of(PostgresqlConnectionFactoryProvider.class, ConnectionFactoryOptions.class)) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == Option.class) {
					options.add(((Option<?>) field.get(null)).name());
				}
			}
		}
		List<String> tableNames = namesIn(ParameterFamily.R2DBC);
		assertThat(tableNames).doesNotHaveDuplicates().containsAll(options);
		assertThat(tableNames.stream().filter((name) -> !options.contains(name)))
			.containsExactlyInAnyOrderElementsOf(Parameter.POOL.names(ParameterFamily.R2DBC));
	}

	@Test
	void everyLibpqKeywordHasExactlyOneRow() {
		assertThat(namesIn(ParameterFamily.LIBPQ)).doesNotHaveDuplicates()
			.contains("host", "port", "dbname", "user", "password", "sslmode", "sslrootcert", "sslcert", "sslkey",
					"sslpassword", "application_name", "connect_timeout", "options", "target_session_attrs",
					"keepalives", "channel_binding", "gssencmode", "require_auth", "service", "passfile", "hostaddr");
	}

	@ParameterizedTest
	@EnumSource(Parameter.class)
	void everyRowIsComplete(Parameter parameter) {
		assertThat(parameter.note()).isNotBlank().endsWith(".");
		assertThat(Stream.of(ParameterFamily.values()).flatMap((family) -> parameter.names(family).stream()))
			.isNotEmpty();
		if (parameter.fate() != Fate.REFUSED) {
			assertThat(parameter.acceptedValues()).isEmpty();
		}
		if (parameter.fate() == Fate.PATH_ONLY) {
			assertThat(parameter.names(ParameterFamily.LIBPQ)).as("libpq has no path of its own").isEmpty();
		}
	}

	@Test
	void tableIsQueryable() {
		assertThat(Parameter.table()).hasSize(Parameter.values().length).isUnmodifiable();
		assertThat(Parameter.find(ParameterFamily.PGJDBC, "ApplicationName")).contains(Parameter.APPLICATION_NAME);
		assertThat(Parameter.find(ParameterFamily.R2DBC, "sslmode")).contains(Parameter.SSL_MODE);
		assertThat(Parameter.find(ParameterFamily.PGJDBC, "applicationName")).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("refusedNames")
	void everyRefusedNameIsRefused(ParameterFamily family, String name) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url(family, name, "not-accepted"), null, null, this.home))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo(name));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("pathOnlyNames")
	void everyPathOnlyNameStaysOnItsPath(ParameterFamily family, String name) {
		DerivedConnection derived = DatabaseUrl.derive(url(family, name, "17"), null, null, this.home);
		if (family == ParameterFamily.PGJDBC) {
			assertThat(derived.jdbc().properties()).containsEntry(name, "17");
			assertThat(derived.r2dbc().maskedOptions()).doesNotContainKey(name);
		}
		else {
			assertThat(derived.r2dbc().maskedOptions()).containsEntry(name, "17");
			assertThat(derived.jdbc().properties()).doesNotContainKey(name);
		}
		assertThat(derived.notes()).anyMatch((note) -> note.startsWith(name + " stays on the"));
	}

	static Stream<Arguments> refusedNames() {
		return namesWithFate(Fate.REFUSED);
	}

	static Stream<Arguments> pathOnlyNames() {
		return namesWithFate(Fate.PATH_ONLY);
	}

	private static Stream<Arguments> namesWithFate(Fate fate) {
		List<Arguments> arguments = new ArrayList<>();
		for (Parameter parameter : Parameter.values()) {
			if (parameter.fate() == fate) {
				for (ParameterFamily family : ParameterFamily.values()) {
					parameter.names(family).forEach((name) -> arguments.add(Arguments.of(family, name)));
				}
			}
		}
		return arguments.stream();
	}

	private static String url(ParameterFamily family, String name, String value) {
		return switch (family) {
			case PGJDBC -> "jdbc:postgresql://db/app?user=u&" + name + "=" + value;
			case LIBPQ -> "postgresql://u@db/app?" + name + "=" + value;
			case R2DBC -> "r2dbc:postgresql://u@db/app?" + name + "=" + value;
		};
	}

	private static List<String> namesIn(ParameterFamily family) {
		return Parameter.table().stream().flatMap((parameter) -> parameter.names(family).stream()).toList();
	}

}
