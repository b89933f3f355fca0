package io.github.duality.autoconfigure;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.FileChecks;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Derives a fixed URL, without secrets or files, on Spring Boot's background preinitialization thread, as Boot does
 * for its own costly first uses. On a cold JVM most of the first derivation is loading and linking: the parameter
 * table, its accessors, the parsers, the rules and both renderers. Done here while the main thread reads the
 * configuration, the application's own derivation later finds them ready. Boot skips it, as all its preinitializers,
 * on one CPU or with {@code spring.backgroundpreinitializer.ignore=true}.
 */
final class DerivationBackgroundPreinitializer implements BackgroundPreinitializer {

	/** One of each part the application's derivation goes through: libpq form, verified TLS with a root file. */
	static final String URL = "postgresql://preinitialize@localhost/preinitialize"
			+ "?sslmode=verify-full&sslrootcert=/preinitialize/root.crt&connect_timeout=10";

	@Override
	public void preinitialize() {
		DerivedConnection derived = DatabaseUrl.derive(URL, null, null, FileChecks.SKIP);
		// what the startup report and the connection details render
		derived.migrationJdbc().describe();
		derived.r2dbc().describe();
	}

}
