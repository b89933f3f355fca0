package io.github.duality.core.parameter;

import java.util.stream.Stream;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Carry.Writing;
import io.github.duality.core.parameter.Parameter.Fate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each row carried to both drivers states how it travels: a reader in every family that names it, and a writer,
 * whose r2dbc option is one of the row's own names.
 */
class CarriedRowsTests {

	@ParameterizedTest
	@EnumSource(Parameter.class)
	void carriedRowsAndOnlyTheyHaveACarry(Parameter parameter) {
		boolean carried = parameter.fate() == Fate.TRANSLATED || parameter.fate() == Fate.CONVERTED;
		assertThat(parameter.carry().isPresent()).as("carry of %s", parameter).isEqualTo(carried);
	}

	@ParameterizedTest
	@EnumSource(value = Parameter.Fate.class, names = { "TRANSLATED", "CONVERTED" })
	void everyCarriedRowHasAReaderInEachOfItsFamilies(Fate fate) {
		carriedRows(fate).forEach((parameter) -> {
			Carry<?> carry = parameter.carry().orElseThrow();
			if (!carry.isReadByParsers()) {
				for (ParameterFamily family : ParameterFamily.values()) {
					if (!parameter.names(family).isEmpty()) {
						assertThat(carry.readsIn(family)).as("%s read in %s", parameter, family).isTrue();
					}
				}
			}
		});
	}

	@ParameterizedTest
	@EnumSource(value = Parameter.Fate.class, names = { "TRANSLATED", "CONVERTED" })
	void everyCarriedRowIsWritten(Fate fate) {
		carriedRows(fate).forEach((parameter) -> {
			Carry<?> carry = parameter.carry().orElseThrow();
			switch (carry.writing()) {
				case OWN -> assertThat(carry.pgjdbcWriter().isPresent() || carry.r2dbcWriter().isPresent())
					.as("%s has a writer", parameter)
					.isTrue();
				case AS_ANOTHER_ROW -> assertThat(carry.writtenAs().orElseThrow().carry().orElseThrow().writing())
					.as("%s is written as a row with its own writers", parameter)
					.isEqualTo(Writing.OWN);
				case BY_RENDERER -> assertThat(carry.writtenAs()).isEmpty();
			}
		});
	}

	@ParameterizedTest
	@EnumSource(Parameter.class)
	void writersUseTheRowsOwnNames(Parameter parameter) {
		parameter.carry().flatMap(Carry::pgjdbcWriter).ifPresent((writer) ->
				assertThat(parameter.names(ParameterFamily.PGJDBC)).as("pgjdbc names of %s", parameter).isNotEmpty());
		parameter.carry().flatMap(Carry::r2dbcWriter).ifPresent((writer) ->
				assertThat(parameter.names(ParameterFamily.R2DBC)).as("r2dbc names of %s", parameter)
					.contains(writer.option().name()));
	}

	private static Stream<Parameter> carriedRows(Fate fate) {
		return Parameter.table().stream().filter((parameter) -> parameter.fate() == fate);
	}

}
