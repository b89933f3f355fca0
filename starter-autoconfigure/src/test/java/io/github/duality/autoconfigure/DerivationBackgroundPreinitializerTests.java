package io.github.duality.autoconfigure;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.FileChecks;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The preinitializer is one of Boot's, and its URL goes the whole way a verified-TLS URL goes, with nothing to read.
 */
class DerivationBackgroundPreinitializerTests {

	@Test
	void isRegisteredWithSpringBootsBackgroundPreinitializers() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(BackgroundPreinitializer.class)).hasAtLeastOneElementOfType(DerivationBackgroundPreinitializer.class);
	}

	@Test
	void derivesBothTargetsFromAUrlWithoutSecretsOrFiles() {
		assertThatNoException().isThrownBy(() -> new DerivationBackgroundPreinitializer().preinitialize());
		DerivedConnection derived = DatabaseUrl.derive(DerivationBackgroundPreinitializer.URL, null, null,
				FileChecks.SKIP);
		assertThat(derived.migrationJdbc().password()).isNull();
		assertThat(derived.migrationJdbc().describe()).contains("verify-full");
		assertThat(derived.r2dbc().describe()).contains("verify-full");
	}

}
