package io.github.duality.autoconfigure;

import io.github.duality.autoconfigure.live.LiveTestApplication;
import io.github.duality.core.model.InvalidConnectionUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refusals as the user reads them at startup: in the names of the properties they set, each conflicting value
 * with where it came from, and the property to set instead of an r2dbc-pool option in the URL. The input is refused
 * before any connection, so no server is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalMessagesTests {

	private static final String CREDENTIALS_FILE = "--spring.config.import=classpath:refusals/credentials.properties";

	@Test
	void aUserGivenTwiceNamesBothPropertiesAndWhereEachValueCameFrom(CapturedOutput output) {
		refused("--spring.datasource.url=postgres://alice@db.example.com/shop?sslmode=require", CREDENTIALS_FILE);
		assertThat(output.getAll()).contains("Problem:   The user is given twice with different values ('alice', "
				+ "'bob'): the user name in the URL (user@host), and spring.datasource.username.")
			.contains("    Property:  spring.datasource.url\n"
					+ "    Origin:    \"spring.datasource.url\" from property source \"commandLineArgs\"\n"
					+ "    Property:  spring.datasource.username\n"
					+ "    Origin:    class path resource [refusals/credentials.properties] - 1:28")
			.contains("Give it in one of these places only, or give the same value in both.");
	}

	@Test
	void aPasswordGivenTwiceNamesBothPlacesButNeitherValue(CapturedOutput output) {
		refused("--spring.datasource.url=postgres://bob:first-Secr3t@db.example.com/shop?sslmode=require",
				CREDENTIALS_FILE);
		assertThat(output.getAll()).contains("Problem:   The password is given twice with different values: the "
				+ "password in the URL (user:password@host), and spring.datasource.password.")
			.contains("    Property:  spring.datasource.password\n"
					+ "    Origin:    class path resource [refusals/credentials.properties]")
			.doesNotContain("first-Secr3t")
			.doesNotContain("second-Secr3t");
	}

	@Test
	void anR2dbcUrlWithoutUserNamesThePropertyThatCanGiveIt(CapturedOutput output) {
		refused("--spring.datasource.url=r2dbc:postgresql://db.example.com/shop?sslMode=require");
		assertThat(output.getAll()).contains("Problem:   No user is given; r2dbc-postgresql requires one.")
			.contains("Give the user in the URL (r2dbc:postgresql://user@host/database) or as "
					+ "spring.datasource.username.");
	}

	@Test
	void aPoolOptionInTheUrlNamesTheBootPropertyAndValueToSet(CapturedOutput output) {
		refused("--spring.datasource.url=r2dbc:pool:postgresql://app@db.example.com/shop?sslMode=require"
				+ "&maxIdleTime=PT60S");
		assertThat(output.getAll())
			.contains("Problem:   The r2dbc-pool option 'maxIdleTime' configures the connection pool, which Spring "
					+ "Boot builds from spring.r2dbc.pool.*, not from the URL")
			.contains("Parameter: maxIdleTime")
			.contains("Remove maxIdleTime from the URL and set spring.r2dbc.pool.max-idle-time=PT60S instead.");
	}

	private static void refused(String... args) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class).web(WebApplicationType.NONE)
			.run(args)).hasRootCauseInstanceOf(InvalidConnectionUrlException.class);
	}

}
