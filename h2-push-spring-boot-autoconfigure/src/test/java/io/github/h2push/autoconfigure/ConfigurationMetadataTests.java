package io.github.h2push.autoconfigure;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.github.h2push.RequestHeaderAllowlist;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code h2-push.*} property is documented, with its default, in the
 * configuration metadata IDEs read.
 */
class ConfigurationMetadataTests {

	@Test
	void describesEveryPropertyWithItsDefault() throws Exception {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = new ObjectMapper().readTree(in);
		}
		Map<String, Object> expectedDefaults = Map.of("h2-push.enabled", true, "h2-push.copied-headers",
				RequestHeaderAllowlist.DEFAULT_HEADERS, "h2-push.max-pushes-per-request", 10, "h2-push.preload-links",
				true, "h2-push.ssl.self-signed", true);
		assertThat(metadata.get("properties")).extracting((property) -> property.get("name").asText())
			.containsExactlyInAnyOrderElementsOf(expectedDefaults.keySet());
		ObjectMapper mapper = new ObjectMapper();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asText();
			assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
			Object expected = expectedDefaults.get(name);
			Object actual = mapper.treeToValue(property.get("defaultValue"), Object.class);
			assertThat(actual).as("default of %s", name).isEqualTo(expected);
		}
	}

	@Test
	void defaultsMatchTheProperties() {
		H2PushProperties properties = new H2PushProperties();
		assertThat(properties.getCopiedHeaders()).isEqualTo(RequestHeaderAllowlist.DEFAULT_HEADERS);
		assertThat(properties.getMaxPushesPerRequest()).isEqualTo(10);
	}

}
