package io.github.duality.core.parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;

/**
 * The {@code options} startup parameter in its two spellings: libpq and pgjdbc send a server command line
 * ({@code -c name=value --name=value}, backslash escaping whitespace), r2dbc takes {@code name=value;name=value}.
 */
public final class SessionSettings {

	private SessionSettings() {
	}

	/**
	 * The settings of a libpq/pgjdbc {@code options} value. Setting names are case-insensitive for the server and are
	 * returned in lower case, with dashes of the {@code --name=value} form turned into underscores as the server does.
	 */
	public static Map<String, String> parseCommandLine(String options, String parameter) {
		Map<String, String> settings = new LinkedHashMap<>();
		List<String> words = splitWords(options);
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			String setting;
			if (word.equals("-c") && i + 1 < words.size()) {
				setting = words.get(++i);
			}
			else if (word.startsWith("-c") && word.length() > 2) {
				setting = word.substring(2);
			}
			else if (word.startsWith("--") && word.length() > 2) {
				setting = word.substring(2);
			}
			else {
				throw new InvalidConnectionUrlException("The " + parameter + " value holds " + MessageText.shown(word)
						+ ", which is not a -c name=value setting; only settings can be carried to r2dbc.", parameter,
						"Write each setting as -c name=value.");
			}
			int equals = setting.indexOf('=');
			if (equals <= 0) {
				throw new InvalidConnectionUrlException(
						"The " + parameter + " setting " + MessageText.shown(setting) + " has no value.", parameter,
						"Write it as -c name=value.");
			}
			settings.put(setting.substring(0, equals).replace('-', '_').toLowerCase(Locale.ROOT),
					setting.substring(equals + 1));
		}
		return settings;
	}

	/** A server command line for pgjdbc's {@code options}: each setting as {@code -c name=value}, escaped. */
	static String formatCommandLine(Map<String, String> settings) {
		List<String> words = new ArrayList<>();
		settings.forEach((name, value) -> words.add("-c " + escape(name) + "=" + escape(value)));
		return String.join(" ", words);
	}

	/** The settings of r2dbc's {@code options} string: pairs split on {@code ;}, each with exactly one {@code =}. */
	static Map<String, String> parseR2dbc(String options, String parameter) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String pair : options.split(";")) {
			String[] nameAndValue = pair.split("=", -1);
			if (nameAndValue.length != 2 || nameAndValue[0].isBlank()) {
				throw new InvalidConnectionUrlException("The r2dbc " + parameter + " entry " + MessageText.shown(pair)
						+ " is not one name=value pair (r2dbc would reject it).", parameter,
						"Write the options as name=value;name=value.");
			}
			settings.put(nameAndValue[0].trim().toLowerCase(Locale.ROOT), nameAndValue[1]);
		}
		return settings;
	}

	private static List<String> splitWords(String commandLine) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		for (int i = 0; i < commandLine.length(); i++) {
			char c = commandLine.charAt(i);
			if (c == '\\' && i + 1 < commandLine.length()) {
				word.append(commandLine.charAt(++i));
				inWord = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '\\' || Character.isWhitespace(c)) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
