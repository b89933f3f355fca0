package io.github.duality.core.cli;

import io.github.duality.core.DerivedConnection;
import io.github.duality.core.model.InvalidConnectionUrlException;

/**
 * How {@code explain} shows one input's outcome. Implementations print only masked values.
 */
interface ExplanationFormat {

	String accepted(DerivedConnection connection);

	String refused(String maskedInput, InvalidConnectionUrlException refusal);

}
