package io.github.duality.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build ran Boot's annotation processors, on every JDK it supports (JDK 23+ runs only processors the compiler is
 * told about): IDEs read the configuration metadata, and Boot filters auto-configurations early with the other file.
 */
class AnnotationProcessorOutputTests {

	@Test
	void everyAutoConfigurationHasConditionMetadata() throws IOException {
		List<String> autoConfigurations = ImportCandidates
			.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("io.github.duality."))
			.toList();
		Properties metadata = new Properties();
		try (InputStream in = new ClassPathResource("META-INF/spring-autoconfigure-metadata.properties")
			.getInputStream()) {
			metadata.load(in);
		}
		assertThat(autoConfigurations).isNotEmpty().allSatisfy((name) -> assertThat(metadata).containsKey(name));
	}

	@Test
	void configurationMetadataDescribesTheDualityProperties() throws IOException {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		assertThat(metadata.path("groups").valueStream().map((group) -> group.path("name").asString()))
			.contains("duality");
		assertThat(metadata.path("properties").valueStream().map((property) -> property.path("name").asString()))
			.contains("duality.enabled");
	}

}
