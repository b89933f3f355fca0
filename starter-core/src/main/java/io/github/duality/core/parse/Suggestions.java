package io.github.duality.core.parse;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Parameter;

/**
 * The "did you mean" for an unknown parameter name: the same name in another spelling or case, the name the same
 * parameter has in this family, or a close misspelling.
 */
final class Suggestions {

	private static final int MAX_EDIT_DISTANCE = 2;

	private Suggestions() {
	}

	/** The name to suggest in a family for an unknown name, if any is close enough. */
	static Optional<String> suggest(ParameterFamily family, String unknown) {
		String normalized = normalize(unknown);
		List<String> known = Parameter.table().stream().flatMap((parameter) -> parameter.names(family).stream()).toList();
		Optional<String> sameWord = known.stream().filter((name) -> normalize(name).equals(normalized)).findFirst();
		if (sameWord.isPresent()) {
			return sameWord;
		}
		Optional<String> sameParameter = sameParameterInFamily(family, unknown);
		if (sameParameter.isPresent()) {
			return sameParameter;
		}
		return known.stream()
			.filter((name) -> editDistance(normalize(name), normalized) <= MAX_EDIT_DISTANCE)
			.min(Comparator.comparingInt((String name) -> editDistance(normalize(name), normalized)));
	}

	/** Where a name is known in another family only, which family that is. */
	static Optional<ParameterFamily> familyKnowing(String name) {
		for (ParameterFamily family : ParameterFamily.values()) {
			if (Parameter.find(family, name).isPresent()) {
				return Optional.of(family);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> sameParameterInFamily(ParameterFamily family, String unknown) {
		for (ParameterFamily other : ParameterFamily.values()) {
			Optional<Parameter> parameter = Parameter.find(other, unknown)
				.or(() -> Parameter.table()
					.stream()
					.filter((candidate) -> candidate.names(other)
						.stream()
						.anyMatch((name) -> normalize(name).equals(normalize(unknown))))
					.findFirst());
			if (parameter.isPresent() && !parameter.get().names(family).isEmpty()) {
				return Optional.of(parameter.get().names(family).get(0));
			}
		}
		return Optional.empty();
	}

	private static String normalize(String name) {
		return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
	}

	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
