package io.github.duality.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HandWrittenUrlsTests {

	@Test
	void writesBothUrlsWithTheSameTlsAndDecodesCredentialsAsLibpqDoes() {
		HandWrittenUrls urls = HandWrittenUrls.fromLibpqUrl(
				"postgres://app:p%40ss+w%2Frd@db.example.com:6432/orders?sslmode=verify-full&sslrootcert=/etc/ca%20dir/ca.crt");
		assertThat(urls.jdbcUrl())
			.isEqualTo("jdbc:postgresql://db.example.com:6432/orders?sslmode=verify-full&sslrootcert=/etc/ca%20dir/ca.crt");
		assertThat(urls.r2dbcUrl())
			.isEqualTo("r2dbc:postgresql://db.example.com:6432/orders?sslMode=verify-full&sslRootCert=/etc/ca%20dir/ca.crt");
		assertThat(urls.username()).isEqualTo("app");
		assertThat(urls.password()).isEqualTo("p@ss+w/rd");
		assertThat(urls.toString()).doesNotContain("p@ss");
	}

	@Test
	void writesLibpqsDefaultTlsModeExplicitlyOnBoth() {
		HandWrittenUrls urls = HandWrittenUrls.fromLibpqUrl("postgresql://app:secret@localhost/orders");
		assertThat(urls.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/orders?sslmode=prefer");
		assertThat(urls.r2dbcUrl()).isEqualTo("r2dbc:postgresql://localhost:5432/orders?sslMode=prefer");
	}

	@Test
	void refusesParametersItCannotCarry() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HandWrittenUrls
				.fromLibpqUrl("postgres://app:secret@localhost/orders?target_session_attrs=primary"))
			.withMessageContaining("target_session_attrs");
	}

}
