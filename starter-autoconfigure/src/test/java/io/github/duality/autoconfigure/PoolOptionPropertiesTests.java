package io.github.duality.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.r2dbc.pool.PoolingConnectionFactoryProvider;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every option r2dbc-pool's own URL provider reads (its {@code Option} constants) is refused in an r2dbc URL, and the
 * property the refusal names is one that Spring Boot's R2DBC module declares; the options it names none for have
 * no such property.
 */
class PoolOptionPropertiesTests {

	@Test
	void eachR2dbcPoolOptionIsRefusedWithARealBootPropertyOrNone() throws Exception {
		Set<String> bootProperties = bootPoolProperties();
		List<String> options = r2dbcPoolOptions();
		assertThat(options).contains("maxIdleTime", "initialSize", "maxSize", "maxLifeTime", "validationQuery");
		List<String> withoutProperty = new ArrayList<>();
		for (String option : options) {
			InvalidConnectionUrlException refusal = catchThrowableOfType(InvalidConnectionUrlException.class,
					() -> DatabaseUrl.derive("r2dbc:pool:postgresql://app@db.example.com/shop?" + option + "=1", null,
							null));
			assertThat(refusal).as(option).isNotNull();
			assertThat(refusal.getParameter()).isEqualTo(option);
			String fix = refusal.getFix();
			if (fix.contains(" and set ")) {
				String property = fix.substring(fix.indexOf(" and set ") + 9, fix.indexOf('=', fix.indexOf(" and set ")));
				assertThat(bootProperties).as("property named for " + option).contains(property);
			}
			else {
				assertThat(fix).contains("spring.r2dbc.pool.* has no property for it");
				withoutProperty.add(option);
			}
		}
		assertThat(withoutProperty).containsExactlyInAnyOrder("backgroundEvictionInterval", "poolName",
				"registerJmx", "postAllocate", "preRelease");
	}

	private static List<String> r2dbcPoolOptions() throws IllegalAccessException {
		List<String> names = new ArrayList<>();
		for (Field field : PoolingConnectionFactoryProvider.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == Option.class) {
				names.add(((Option<?>) field.get(null)).name());
			}
		}
		return names;
	}

	private static Set<String> bootPoolProperties() throws IOException {
		Set<String> names = new HashSet<>();
		for (URL metadata : Collections.list(
				PoolOptionPropertiesTests.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				for (JsonNode property : JsonMapper.shared().readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("spring.r2dbc.pool.")) {
						names.add(name);
					}
				}
			}
		}
		assertThat(names).as("spring-boot-r2dbc's configuration metadata").isNotEmpty();
		return names;
	}

}
