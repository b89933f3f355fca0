package io.github.duality.core.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Just enough JSON for the CLI's output, written by hand so that the executable jar needs no JSON library: an
 * object whose members are strings, booleans, {@code null}, string maps, string lists or nested objects, rendered
 * on one line with members in insertion order.
 */
final class JsonObject {

	private final Map<String, @Nullable Object> members = new LinkedHashMap<>();

	/**
	 * Add a member.
	 * @param name the member name
	 * @param value a {@link CharSequence}, {@link Boolean}, {@link Map}, {@link Collection}, {@link JsonObject} or
	 * {@code null}
	 * @return this object
	 */
	JsonObject with(String name, @Nullable Object value) {
		this.members.put(name, value);
		return this;
	}

	@Override
	public String toString() {
		StringBuilder json = new StringBuilder();
		writeValue(this.members, json);
		return json.toString();
	}

	private static void writeValue(@Nullable Object value, StringBuilder json) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Boolean bool) {
			json.append(bool);
		}
		else if (value instanceof CharSequence text) {
			writeString(text, json);
		}
		else if (value instanceof JsonObject object) {
			writeValue(object.members, json);
		}
		else if (value instanceof Map<?, ?> map) {
			writeMap(map, json);
		}
		else if (value instanceof Collection<?> collection) {
			writeArray(collection, json);
		}
		else {
			throw new IllegalArgumentException("No JSON form for " + value.getClass().getName());
		}
	}

	private static void writeMap(Map<?, ?> map, StringBuilder json) {
		json.append('{');
		String separator = "";
		for (Map.Entry<?, ?> member : map.entrySet()) {
			json.append(separator);
			writeString(String.valueOf(member.getKey()), json);
			json.append(':');
			writeValue(member.getValue(), json);
			separator = ",";
		}
		json.append('}');
	}

	private static void writeArray(Collection<?> collection, StringBuilder json) {
		json.append('[');
		String separator = "";
		for (Object element : collection) {
			json.append(separator);
			writeValue(element, json);
			separator = ",";
		}
		json.append(']');
	}

	/**
	 * RFC 8259 string: quote, backslash and control characters escaped; everything else, non-ASCII included, is
	 * written as is (the CLI encodes its output as UTF-8).
	 */
	private static void writeString(CharSequence text, StringBuilder json) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
