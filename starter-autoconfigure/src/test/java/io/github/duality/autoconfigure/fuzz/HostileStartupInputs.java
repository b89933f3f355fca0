package io.github.duality.autoconfigure.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.duality.testsupport.fuzz.SecretForms;
import io.github.duality.testsupport.fuzz.UrlMutator;

/**
 * Seeded, and so repeatable, hostile {@code spring.datasource.*} inputs: every URL form the starter accepts, mutated
 * by {@link UrlMutator}, and the breakages that only matter at startup: broken percent-encodings, control
 * characters, out-of-range ports, property placeholders and inputs of hundreds of kilobytes.
 */
final class HostileStartupInputs {

	static final String PASSWORD = SecretForms.HOSTILE_PASSWORD;

	static final String ENCODED = SecretForms.HOSTILE_PASSWORD_ENCODED;

	private static final List<String> BROKEN_ENCODINGS = List.of("%", "%2", "%G0", "%zz", "%C3%28", "%FF", "%00",
			"%0A", "%0D%0A", "%25", "%%", "%E2%82", "%ED%A0%80", "%C0%AF");

	private static final List<String> PORTS = List.of("0", "-1", "65536", "99999", "2147483648",
			"99999999999999999999", "5432x", " 5432", "\u0665\u0664\u0663\u0662", "+5432", "0x1F90", "", "5432:5433",
			"5432\n", "%35432");

	private static final List<String> PLACEHOLDERS = List.of("${", "${DATABASE_URL}", "${duality.fuzz.missing}", "$",
			"${a:b}", "#{1}", "}", "${${x}}");

	private static final String CONTROLS = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f\u0085\u2028\uFEFF\uD800";

	private final Random random;

	private final UrlMutator mutator;

	HostileStartupInputs(long seed) {
		this.random = new Random(seed);
		this.mutator = new UrlMutator(this.random);
	}

	/** The seeds themselves, then generated inputs up to {@code count}, in the same order for the same seed. */
	List<StartupInput> generate(int count) {
		List<StartupInput> inputs = new ArrayList<>(StartupInput.seeds());
		List<StartupInput> seeds = List.copyOf(inputs);
		while (inputs.size() < count) {
			StartupInput seed = seeds.get(this.random.nextInt(seeds.size()));
			inputs.add(variant(seed));
		}
		return inputs;
	}

	private StartupInput variant(StartupInput seed) {
		String url = seed.url();
		if (this.random.nextInt(100) < 3) {
			String hugePassword = ENCODED.repeat(100 + this.random.nextInt(2_000));
			return seed.withUrl(url.replace(ENCODED, hugePassword)).planting(hugePassword);
		}
		return seed.withUrl(variant(url));
	}

	private String variant(String url) {
		int kind = this.random.nextInt(100);
		if (kind < 55) {
			return this.mutator.mutate(url);
		}
		if (kind < 63) {
			return insert(url, pick(BROKEN_ENCODINGS));
		}
		if (kind < 73) {
			return withPort(url, pick(PORTS));
		}
		if (kind < 79) {
			return insert(url, pick(PLACEHOLDERS));
		}
		if (kind < 86) {
			return insert(url, String.valueOf(CONTROLS.charAt(this.random.nextInt(CONTROLS.length()))));
		}
		if (kind < 89) {
			return huge(url);
		}
		return this.mutator.mutate(this.mutator.mutate(url));
	}

	private String insert(String url, String text) {
		int at = this.random.nextInt(url.length() + 1);
		return url.substring(0, at) + text + url.substring(at);
	}

	/** The port of the first host replaced (or added), or given as a parameter in either driver's spelling. */
	private String withPort(String url, String port) {
		if (this.random.nextBoolean()) {
			return url + (url.contains("?") ? "&" : "?") + "port=" + port;
		}
		int authority = url.indexOf("//") + 2;
		int at = url.lastIndexOf('@', indexOfAny(url, authority, "/?"));
		int hostStart = (at >= authority) ? at + 1 : authority;
		int end = indexOfAny(url, hostStart, "/?,");
		String host = url.substring(hostStart, end);
		int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.indexOf(':');
		String bareHost = (colon < 0) ? host : host.substring(0, colon);
		return url.substring(0, hostStart) + bareHost + ":" + port + url.substring(end);
	}

	private static int indexOfAny(String text, int from, String characters) {
		for (int i = Math.max(from, 0); i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return text.length();
	}

	/** Up to a few hundred kilobytes where a parser might go quadratic or deep. */
	private String huge(String url) {
		int times = 1_000 + this.random.nextInt(20_000);
		return switch (this.random.nextInt(4)) {
			case 0 -> url + "&application_name=x".repeat(times);
			case 1 -> url.replace("db.example.com", "db.example.com,h".repeat(times) + "db.example.com");
			case 2 -> url + "%".repeat(times);
			default -> insert(url, "\u4E2D".repeat(times));
		};
	}

	private String pick(List<String> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

}
