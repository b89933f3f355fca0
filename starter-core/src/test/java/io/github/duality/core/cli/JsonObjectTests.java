package io.github.duality.core.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonObjectTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void writesMembersInInsertionOrderOnOneLine() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("user", "app");
		properties.put("password", "****");
		String json = new JsonObject().with("ok", true)
			.with("parameter", null)
			.with("jdbc", new JsonObject().with("properties", properties))
			.with("notes", List.of("one", "two"))
			.toString();
		assertThat(json).isEqualTo("{\"ok\":true,\"parameter\":null,\"jdbc\":{\"properties\":"
				+ "{\"user\":\"app\",\"password\":\"****\"}},\"notes\":[\"one\",\"two\"]}");
	}

	@Test
	void escapesQuotesBackslashesAndEveryControlCharacter() {
		StringBuilder controls = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			controls.append(c);
		}
		String text = "quote \" backslash \\ slash / controls " + controls + " delete \u007f";
		String json = new JsonObject().with("text", text).toString();
		assertThat(json).doesNotContainPattern("[\\x00-\\x1f]")
			.contains("\\\"", "\\\\", "\\n", "\\r", "\\t", "\\b", "\\f", "\\u0000", "\\u001f");
		assertThat(this.jsonMapper.readTree(json).get("text").stringValue()).isEqualTo(text);
	}

	@Test
	void keepsNonAsciiAsIs() {
		String text = "café, 中文, emoji \uD83D\uDE00, U+2028 \u2028";
		String json = new JsonObject().with("text", text).toString();
		assertThat(json).contains("café", "中文", "\uD83D\uDE00");
		assertThat(this.jsonMapper.readTree(json).get("text").stringValue()).isEqualTo(text);
	}

	@Test
	void refusesValuesWithoutJsonForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonObject().with("number", 1).toString())
			.withMessageContaining("java.lang.Integer");
	}

}
