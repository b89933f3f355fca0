package io.github.duality.core;

/**
 * What the user calls the places a user name and a password given beside the URL come from, so that a message
 * about them (two different values, a missing user) names them in the user's words.
 * @param username e.g. {@code spring.datasource.username}
 * @param password e.g. {@code spring.datasource.password}
 */
public record CredentialSources(String username, String password) {

	/** For a caller that takes them as plain arguments. */
	public static final CredentialSources ARGUMENTS = new CredentialSources("the username argument",
			"the password argument");

	/** Where the starter reads them, and so what {@code explain} (which checks a URL for the starter) names. */
	public static final CredentialSources SPRING_DATASOURCE = new CredentialSources("spring.datasource.username",
			"spring.datasource.password");

}
