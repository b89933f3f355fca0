package io.github.duality.core.parse;

import io.github.duality.core.model.InvalidConnectionUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UrlSyntaxTests {

	@Test
	void libpqDecodesPercentEscapesOnly() {
		assertThat(UrlSyntax.percentDecode("a+b%20c%2B%C3%A9%40", "password", "password")).isEqualTo("a+b c+é@");
		assertThat(UrlSyntax.percentDecode("plain", "password", "password")).isEqualTo("plain");
	}

	@ParameterizedTest
	@ValueSource(strings = { "50%", "%zz", "%4", "%00", "%C3" })
	void malformedEscapesAreRefusedWithoutRepeatingTheText(String text) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> UrlSyntax.percentDecode("Secr3t" + text, "password", "password"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("Secr3t"));
	}

	@Test
	void ports() {
		assertThat(UrlSyntax.port("5432", "port")).isEqualTo(5432);
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> UrlSyntax.port("0", "port"))
			.withMessageContaining("'0'");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> UrlSyntax.port("ss@host", "port"))
			.withMessageContaining("%40")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("ss@host"));
	}

}
