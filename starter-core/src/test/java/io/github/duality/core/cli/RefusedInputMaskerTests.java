package io.github.duality.core.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedInputMaskerTests {

	@Test
	void masksThePasswordInUserInfo() {
		assertThat(RefusedInputMasker.mask("mysql://app:secret-password@db.example.com/shop"))
			.isEqualTo("mysql://app:****@db.example.com/shop");
	}

	@Test
	void masksAnUnencodedPasswordUpToTheLastAt() {
		assertThat(RefusedInputMasker.mask("postgres://app:p@ss:w/rd?&=%+ #é@db.example.com/shop"))
			.isEqualTo("postgres://app:****@db.example.com/shop");
	}

	@Test
	void keepsAUserWithoutPassword() {
		assertThat(RefusedInputMasker.mask("postgres://app@db.example.com:5432/shop"))
			.isEqualTo("postgres://app@db.example.com:5432/shop");
	}

	@Test
	void masksTheUserInfoPasswordWhenTheSlashesAreMistyped() {
		assertThat(RefusedInputMasker.mask("r2dbc:postgresql:failover:%/app:secret-password@db1,db2/shop"))
			.isEqualTo("r2dbc:****@db1,db2/shop");
	}

	@Test
	void masksSecretParameters() {
		assertThat(RefusedInputMasker
			.mask("jdbc:postgresql://db/shop?user=app&password=one&sslPassword=two&PASS%57ORD=three&sslmode=x"))
			.isEqualTo("jdbc:postgresql://db/shop?user=app&password=****&sslPassword=****&PASS%57ORD=****&sslmode=x");
	}

	@Test
	void masksUnknownParametersBecauseAMisspeltPasswordIsUnknown() {
		assertThat(RefusedInputMasker.mask("postgres://app@db/shop?pasword=one&passwd=two&sslmod=three&sslmode=x"))
			.isEqualTo("postgres://app@db/shop?pasword=****&passwd=****&sslmod=****&sslmode=x");
	}

	@Test
	void masksAnUnencodedPasswordParameterUpToTheNextParameter() {
		assertThat(RefusedInputMasker.mask("postgres://db/shop?password=p@ss:w/rd?&=%+ #é&sslmode=bogus"))
			.isEqualTo("postgres://db/shop?password=****&sslmode=bogus");
	}

	@Test
	void masksLibpqKeywordValuePasswords() {
		assertThat(RefusedInputMasker.mask("host=db password=s3cr3t dbname=shop"))
			.isEqualTo("host=db password=**** dbname=shop");
	}

}
