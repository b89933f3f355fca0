package io.github.duality.core;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each target describes itself in one line: endpoint, user and TLS mode, never a secret.
 */
class TargetDescriptionTests {

	@TempDir
	Path home;

	@Test
	void oneHost() {
		DerivedConnection derived = DatabaseUrl.derive("postgres://app:s3cr3t@db.example.com/shop?sslmode=require",
				null, null, this.home);
		assertThat(derived.jdbc().describe())
			.isEqualTo("jdbc:postgresql://db.example.com:5432/shop (user app, sslmode require)");
		assertThat(derived.r2dbc().describe())
			.isEqualTo("r2dbc:postgresql://db.example.com:5432/shop (user app, sslMode require)");
	}

	@Test
	void severalHostsUseTheFailoverForm() {
		DerivedConnection derived = DatabaseUrl.derive("postgres://app:s3cr3t@db1,db2:5433/shop?sslmode=disable",
				null, null, this.home);
		assertThat(derived.r2dbc().describe())
			.isEqualTo("r2dbc:postgresql:failover://db1:5432,db2:5433/shop (user app, sslMode disable)")
			.doesNotContain("s3cr3t");
		assertThat(derived.migrationJdbc().describe())
			.isEqualTo("jdbc:postgresql://db1:5432,db2:5433/shop (user app, sslmode disable)");
	}

}
