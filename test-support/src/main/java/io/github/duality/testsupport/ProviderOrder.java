package io.github.duality.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The providers the fixture tries, in order: {@code docker,local,maven} unless the system property
 * {@value #PROPERTY} lists others, e.g. {@code -Dduality.test.postgres=maven} to hide Docker and the installed
 * binaries.
 *
 * @param providers the providers to try, first to last
 */
record ProviderOrder(List<Provider> providers) {

	/** The system property that overrides the default order; Surefire passes Maven's {@code -D} properties on. */
	static final String PROPERTY = "duality.test.postgres";

	static final ProviderOrder DEFAULT = new ProviderOrder(List.of(Provider.values()));

	ProviderOrder {
		providers = List.copyOf(providers);
	}

	/**
	 * The order {@value #PROPERTY} gives, or the default when it is unset or blank.
	 * @return the order
	 * @throws IllegalArgumentException if the property names no provider, an unknown one, or one twice
	 */
	static ProviderOrder fromSystemProperty() {
		return parse(System.getProperty(PROPERTY));
	}

	/**
	 * Reads a comma-separated list of provider names.
	 * @param value e.g. {@code local,maven}; {@code null} or blank for the default order
	 * @return the order
	 * @throws IllegalArgumentException if the list holds an unknown or repeated name, or an empty item
	 */
	static ProviderOrder parse(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT;
		}
		List<Provider> providers = new ArrayList<>();
		for (String name : value.split(",", -1)) {
			Provider provider = Arrays.stream(Provider.values())
				.filter((candidate) -> candidate.propertyValue().equals(name.trim()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(PROPERTY + "=" + value + ": '" + name.trim()
						+ "' is not one of " + DEFAULT.names() + " (a comma-separated list, tried in order)"));
			if (providers.contains(provider)) {
				throw new IllegalArgumentException(PROPERTY + "=" + value + " names '" + name.trim() + "' twice");
			}
			providers.add(provider);
		}
		return new ProviderOrder(providers);
	}

	/**
	 * This order less some providers, e.g. those that cannot give a restartable server.
	 * @param excluded the providers to leave out
	 * @return the remaining providers, in the same order
	 */
	ProviderOrder without(Provider... excluded) {
		List<Provider> leftOut = List.of(excluded);
		return new ProviderOrder(this.providers.stream().filter((provider) -> !leftOut.contains(provider)).toList());
	}

	/**
	 * The first provider that can run a server here: each is probed in turn, none after the first that can.
	 * @param <T> what a usable provider yields, e.g. how to start it
	 * @param probe what a provider yields on this machine, or empty if it cannot run a server here
	 * @param purpose what the server is for, for the failure message
	 * @return the first provider's yield
	 * @throws IllegalStateException naming each provider tried and what it lacked, if none can
	 */
	<T> T first(Function<Provider, Optional<T>> probe, String purpose) {
		for (Provider provider : this.providers) {
			Optional<T> usable = probe.apply(provider);
			if (usable.isPresent()) {
				return usable.get();
			}
		}
		String tried = this.providers.isEmpty() ? ": none of the providers that " + PROPERTY + " lists can give one"
				: ", tried in the order " + names() + ":" + this.providers.stream()
					.map((provider) -> "\n- " + provider.propertyValue() + ": " + provider.absence())
					.collect(Collectors.joining());
		throw new IllegalStateException("No PostgreSQL for " + purpose + tried + "\nThe Maven artifact normally "
				+ "makes a JDK enough; or install Docker, or the PostgreSQL server package ('sudo apt-get install "
				+ "postgresql' on Debian/Ubuntu). " + PROPERTY + " (default " + DEFAULT.names() + ") sets the order.");
	}

	/**
	 * The order as {@value #PROPERTY} would write it.
	 * @return e.g. {@code docker,local,maven}
	 */
	String names() {
		return this.providers.stream().map(Provider::propertyValue).collect(Collectors.joining(","));
	}

}
