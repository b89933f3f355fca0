package io.github.duality.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What IDEs show for the starter's own properties: the metadata the processor generates (merged with
 * {@code additional-spring-configuration-metadata.json}) has a description and a default for every one of them.
 */
class ConfigurationMetadataTests {

	/** Unset means "none": a URL or bundle of the user's own, whose description says what happens without it. */
	private static final Set<String> WITHOUT_DEFAULT = Set.of("duality.migration.url", "duality.ssl.bundle");

	@Test
	void everyDualityPropertyHasADescriptionAndADefault() throws IOException {
		List<JsonNode> properties = ownProperties();
		assertThat(properties).extracting((property) -> property.path("name").asString())
			.contains("duality.enabled", "duality.health.timeout", "management.health.database.enabled");
		assertThat(properties).allSatisfy((property) -> {
			assertThat(property.path("description").asString()).as(property.path("name").asString())
				.isNotBlank()
				.endsWith(".");
			assertThat(property.has("defaultValue")).as(property.path("name").asString() + " has a default")
				.isNotEqualTo(WITHOUT_DEFAULT.contains(property.path("name").asString()));
		});
	}

	@Test
	void everyPoolerSettingIsDescribed() throws IOException {
		List<String> values = new ArrayList<>();
		metadata().path("hints").forEach((hint) -> {
			if (hint.path("name").asString().equals("duality.pooler")) {
				hint.path("values").forEach((value) -> {
					assertThat(value.path("description").asString()).isNotBlank();
					values.add(value.path("value").asString());
				});
			}
		});
		assertThat(values).containsExactly("auto", "transaction", "none");
	}

	private static List<JsonNode> ownProperties() throws IOException {
		List<JsonNode> own = new ArrayList<>();
		metadata().path("properties").forEach((property) -> {
			String name = property.path("name").asString();
			if (name.startsWith("duality.") || name.equals("management.health.database.enabled")) {
				own.add(property);
			}
		});
		return own;
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(json);
		}
	}

}
