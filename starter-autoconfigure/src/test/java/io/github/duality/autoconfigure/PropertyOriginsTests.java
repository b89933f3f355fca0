package io.github.duality.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin.Location;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyOriginsTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void namesTheEnvironmentVariableBehindAPlaceholderAndWhereThePlaceholderIs() {
		variables(Map.of("DATABASE_URL", "postgres://db/app"));
		yaml("spring.datasource.url", "${DATABASE_URL}");
		assertThat(PropertyOrigins.describe(this.environment, "spring.datasource.url"))
			.isEqualTo("environment variable DATABASE_URL, through the placeholder at class path resource "
					+ "[application.yaml] - 5:10");
	}

	@Test
	void namesAnotherPropertyBehindAPlaceholder() {
		variables(Map.of());
		yaml("spring.datasource.url", "${app.database:postgres://localhost/app}");
		this.environment.getPropertySources().addFirst(new OriginTrackedMapPropertySource("other",
				Map.of("app.database", OriginTrackedValue.of("postgres://db/app"))));
		assertThat(PropertyOrigins.describe(this.environment, "spring.datasource.url"))
			.startsWith("property app.database");
	}

	@Test
	void namesThePropertySourceOfAPlaceholderThatIsNoPropertyName() {
		variables(Map.of());
		yaml("spring.datasource.url", "${DATABASE_URL}");
		this.environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("DATABASE_URL", "x")));
		assertThat(PropertyOrigins.describe(this.environment, "spring.datasource.url"))
			.startsWith("property DATABASE_URL (from property source test), through the placeholder at");
	}

	@Test
	void givesTheOriginAloneForAPlainValueOrAnUnsetPlaceholder() {
		variables(Map.of());
		yaml("spring.datasource.url", "postgres://db/app");
		assertThat(PropertyOrigins.describe(this.environment, "spring.datasource.url"))
			.isEqualTo("class path resource [application.yaml] - 5:10");
		yaml("spring.datasource.url", "${NEVER_SET_URL:postgres://db/app}");
		assertThat(PropertyOrigins.describe(this.environment, "spring.datasource.url"))
			.isEqualTo("class path resource [application.yaml] - 5:10");
	}

	@Test
	void hasNoOriginForAnUnsetProperty() {
		assertThat(PropertyOrigins.describe(this.environment, "spring.datasource.url")).isNull();
	}

	private void variables(Map<String, Object> variables) {
		this.environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						variables));
	}

	private void yaml(String name, String value) {
		TextResourceOrigin origin = new TextResourceOrigin(new ClassPathResource("application.yaml"),
				new Location(4, 9));
		this.environment.getPropertySources().remove("application.yaml");
		this.environment.getPropertySources().addLast(new OriginTrackedMapPropertySource("application.yaml",
				Map.of(name, OriginTrackedValue.of(value, origin))));
	}

}
