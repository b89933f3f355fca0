package io.github.duality.testsupport.fuzz;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A password planted in fuzzed URLs, as written there, and whether the mutations left it a password: whole, between
 * a {@code :} and an {@code @}, or as the value of a parameter whose name says "password" (introduced by {@code ?},
 * {@code &} or whitespace). Elsewhere it may no longer be a password at all: glued to the path by a deleted
 * {@code ?} it is part of the database name, which is shown on purpose.
 */
public record PlantedPassword(String written, Pattern place) {

	/** The passwords {@link UrlMutator} and the usual seeds plant. */
	public static final List<PlantedPassword> USUAL = List.of(
			new PlantedPassword(SecretForms.HOSTILE_PASSWORD_ENCODED), new PlantedPassword(UrlMutator.OTHER_PASSWORD));

	public PlantedPassword(String written) {
		this(written, Pattern.compile(":" + Pattern.quote(written) + "@|(?:^|[?&\\s])[^=?&\\s/:@#]*(?i:password)"
				+ "[^=?&\\s/:@#]*=" + Pattern.quote(written)));
	}

	public boolean isStillAPasswordIn(String url) {
		return this.place.matcher(url).find();
	}

	/** The decoded value of each of the passwords that is still a password in the URL. */
	public static Set<String> stillPasswordsIn(String url, List<PlantedPassword> planted) {
		Set<String> secrets = new LinkedHashSet<>();
		for (PlantedPassword password : planted) {
			if (password.isStillAPasswordIn(url)) {
				secrets.add(SecretForms.decode(password.written()));
			}
		}
		return secrets;
	}

}
