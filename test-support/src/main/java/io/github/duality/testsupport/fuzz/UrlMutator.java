package io.github.duality.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutates a URL the ways people and scripts break them: stray URL-special, non-ASCII and control characters,
 * parameters given twice or lost, and parameter names that are almost right.
 */
public final class UrlMutator {

	/** Every character with a meaning somewhere in a URL, plus non-ASCII (a surrogate pair too) and controls. */
	private static final String HOSTILE_CHARACTERS = "%@:/?#&=+ [],;\\\"'éü中\uD83D\uDE00\u0000\t\n\r\u001f\u007f";

	private static final Map<String, List<String>> NEAR_MISSES = Map.ofEntries(
			Map.entry("sslmode", List.of("sslMode", "ssl_mode", "sslmod", "SSLMODE")),
			Map.entry("sslMode", List.of("sslmode", "ssl-mode", "SslMode")),
			Map.entry("password", List.of("Password", "passwd", "pass", "pasword", "password ", "PASSWORD")),
			Map.entry("user", List.of("username", "User", "usr")),
			Map.entry("connect_timeout", List.of("connectTimeout", "connect-timeout", "connect_timout")),
			Map.entry("connectTimeout", List.of("connect_timeout", "ConnectTimeout")),
			Map.entry("application_name", List.of("ApplicationName", "applicationName", "appname")),
			Map.entry("ApplicationName", List.of("application_name", "applicationName")),
			Map.entry("target_session_attrs", List.of("targetServerType", "target_session_attr")),
			Map.entry("targetServerType", List.of("target_session_attrs", "targetservertype")),
			Map.entry("ssl", List.of("SSL", "tls", "sslmode")));

	/** A second password, which contradicts the first wherever both are given. */
	public static final String OTHER_PASSWORD = "other-secret-value";

	/** Parameters worth adding: secrets, TLS, and values that must be converted. */
	private static final List<String> EXTRA_PARAMETERS = List.of("password=" + SecretForms.HOSTILE_PASSWORD_ENCODED,
			"password=" + OTHER_PASSWORD, "sslpassword=" + SecretForms.HOSTILE_PASSWORD_ENCODED, "sslmode=verify-full",
			"sslMode=tunnel", "ssl=true", "user=other", "connect_timeout=abc", "connectTimeout=-1",
			"options=-c%20search_path%3Dapp", "host=/var/run/postgresql", "port=99999", "dbname=", "=", "&&", "a=b=c");

	private final Random random;

	public UrlMutator(Random random) {
		this.random = random;
	}

	/** One to four mutations of the URL. */
	public String mutate(String url) {
		String mutated = url;
		int mutations = 1 + this.random.nextInt(4);
		for (int i = 0; i < mutations; i++) {
			mutated = mutateOnce(mutated);
		}
		return mutated;
	}

	private String mutateOnce(String url) {
		return switch (this.random.nextInt(7)) {
			case 0 -> insertCharacter(url);
			case 1 -> deleteCharacter(url);
			case 2 -> replaceCharacter(url);
			case 3 -> duplicateParameter(url);
			case 4 -> removeParameter(url);
			case 5 -> nearMissName(url);
			default -> addParameter(url);
		};
	}

	private String insertCharacter(String url) {
		int at = this.random.nextInt(url.length() + 1);
		return url.substring(0, at) + hostileCharacter() + url.substring(at);
	}

	private String deleteCharacter(String url) {
		if (url.isEmpty()) {
			return url;
		}
		int at = this.random.nextInt(url.length());
		return url.substring(0, at) + url.substring(at + 1);
	}

	private String replaceCharacter(String url) {
		if (url.isEmpty()) {
			return hostileCharacter();
		}
		int at = this.random.nextInt(url.length());
		return url.substring(0, at) + hostileCharacter() + url.substring(at + 1);
	}

	private String duplicateParameter(String url) {
		List<String> parameters = parameters(url);
		if (parameters.isEmpty()) {
			return addParameter(url);
		}
		return url + "&" + parameters.get(this.random.nextInt(parameters.size()));
	}

	private String removeParameter(String url) {
		List<String> parameters = parameters(url);
		if (parameters.isEmpty()) {
			return deleteCharacter(url);
		}
		List<String> kept = new ArrayList<>(parameters);
		kept.remove(this.random.nextInt(kept.size()));
		return withParameters(url, kept);
	}

	private String nearMissName(String url) {
		List<String> parameters = parameters(url);
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < parameters.size(); i++) {
			if (NEAR_MISSES.containsKey(name(parameters.get(i)))) {
				candidates.add(i);
			}
		}
		if (candidates.isEmpty()) {
			return addParameter(url);
		}
		int index = candidates.get(this.random.nextInt(candidates.size()));
		String parameter = parameters.get(index);
		List<String> misses = NEAR_MISSES.get(name(parameter));
		List<String> renamed = new ArrayList<>(parameters);
		renamed.set(index, misses.get(this.random.nextInt(misses.size())) + parameter.substring(name(parameter).length()));
		return withParameters(url, renamed);
	}

	private String addParameter(String url) {
		String parameter = EXTRA_PARAMETERS.get(this.random.nextInt(EXTRA_PARAMETERS.size()));
		return url + (url.contains("?") ? "&" : "?") + parameter;
	}

	private String hostileCharacter() {
		int at = this.random.nextInt(HOSTILE_CHARACTERS.length());
		// Keep the emoji's surrogate pair whole; a lone surrogate comes from deleting one half
		if (Character.isHighSurrogate(HOSTILE_CHARACTERS.charAt(at))) {
			return HOSTILE_CHARACTERS.substring(at, at + 2);
		}
		if (Character.isLowSurrogate(HOSTILE_CHARACTERS.charAt(at))) {
			return HOSTILE_CHARACTERS.substring(at - 1, at + 1);
		}
		return String.valueOf(HOSTILE_CHARACTERS.charAt(at));
	}

	private static List<String> parameters(String url) {
		int query = url.indexOf('?');
		if (query < 0 || query == url.length() - 1) {
			return List.of();
		}
		return List.of(url.substring(query + 1).split("&", -1));
	}

	private static String withParameters(String url, List<String> parameters) {
		String base = url.substring(0, url.indexOf('?'));
		return parameters.isEmpty() ? base : base + "?" + String.join("&", parameters);
	}

	private static String name(String parameter) {
		int equals = parameter.indexOf('=');
		return (equals < 0) ? parameter : parameter.substring(0, equals);
	}

}
