package io.github.h2push.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.h2push.engine.RequestHeaderAllowlist;
import org.junit.jupiter.api.Test;

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
		Map<String, Object> expectedDefaults = new HashMap<>();
		expectedDefaults.put("h2-push.enabled", true);
		expectedDefaults.put("h2-push.copied-headers", RequestHeaderAllowlist.DEFAULT_HEADERS);
		expectedDefaults.put("h2-push.max-pushes-per-request", 10);
		expectedDefaults.put("h2-push.max-copied-header-size", "2KB");
		expectedDefaults.put("h2-push.max-copied-header-size-per-request", "8KB");
		expectedDefaults.put("h2-push.preload-links", true);
		expectedDefaults.put("h2-push.early-hints", true);
		expectedDefaults.put("h2-push.early-hints-over-http1", false);
		expectedDefaults.put("h2-push.html-first", true);
		expectedDefaults.put("h2-push.push-from-link-headers", true);
		expectedDefaults.put("h2-push.authorities", List.of());
		expectedDefaults.put("h2-push.max-pushed-responses-in-flight-per-connection", 10);
		expectedDefaults.put("h2-push.pushed-response-timeout", "10s");
		expectedDefaults.put("h2-push.max-client-resets", 200);
		expectedDefaults.put("h2-push.client-reset-window", "30s");
		expectedDefaults.put("h2-push.write-timeout", "60s");
		expectedDefaults.put("h2-push.pooled-buffers", 512);
		expectedDefaults.put("h2-push.routes", null);
		expectedDefaults.put("h2-push.dedup.per-connection", 256);
		expectedDefaults.put("h2-push.dedup.cache-digest.enabled", false);
		expectedDefaults.put("h2-push.dedup.cache-digest.cookie-name", "h2push-digest");
		expectedDefaults.put("h2-push.dedup.cache-digest.max-age", "7d");
		expectedDefaults.put("h2-push.learn.enabled", false);
		expectedDefaults.put("h2-push.learn.head-size", "16KB");
		expectedDefaults.put("h2-push.learn.max-routes", 256);
		expectedDefaults.put("h2-push.learn.max-resources-per-route", 16);
		expectedDefaults.put("h2-push.learn.max-size", "256KB");
		expectedDefaults.put("h2-push.learn.sample-every", 20);
		expectedDefaults.put("h2-push.ssl.self-signed", true);
		expectedDefaults.put("h2-push.ssl.answer-plain-http", true);
		List<JsonNode> properties = new ArrayList<>();
		metadata.get("properties").forEach(properties::add);
		assertThat(properties).extracting((property) -> property.get("name").asText())
			.filteredOn((name) -> name.startsWith("h2-push."))
			.containsExactlyInAnyOrderElementsOf(expectedDefaults.keySet());
		assertThat(properties).extracting((property) -> property.get("name").asText())
			.contains("management.endpoint.h2push.access");
		ObjectMapper mapper = new ObjectMapper();
		for (JsonNode property : properties) {
			String name = property.get("name").asText();
			if (!name.startsWith("h2-push.")) {
				continue;
			}
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
		assertThat(properties.getMaxCopiedHeaderSize().toBytes()).isEqualTo(RequestHeaderAllowlist.DEFAULT_MAX_BYTES);
		assertThat(properties.getMaxCopiedHeaderSizePerRequest().toKilobytes()).isEqualTo(8);
		assertThat(properties.isEarlyHints()).isTrue();
		assertThat(properties.isEarlyHintsOverHttp1()).isFalse();
		assertThat(properties.isHtmlFirst()).isTrue();
		assertThat(properties.getDedup().getPerConnection()).isEqualTo(256);
		assertThat(properties.getDedup().getCacheDigest().isEnabled()).isFalse();
		assertThat(properties.getDedup().getCacheDigest().getMaxAge()).hasDays(7);
		assertThat(properties.isPushFromLinkHeaders()).isTrue();
		assertThat(properties.getLearn().isEnabled()).isFalse();
		assertThat(properties.getLearn().getHeadSize().toKilobytes()).isEqualTo(16);
		assertThat(properties.getLearn().getMaxSize().toKilobytes()).isEqualTo(256);
		assertThat(properties.getAuthorities()).isEmpty();
		assertThat(properties.getMaxPushedResponsesInFlightPerConnection()).isEqualTo(10);
		assertThat(properties.getPushedResponseTimeout()).hasSeconds(10);
		assertThat(properties.getMaxClientResets()).isEqualTo(200);
		assertThat(properties.getClientResetWindow()).hasSeconds(30);
		assertThat(properties.getWriteTimeout()).hasSeconds(60);
		assertThat(properties.getRoutes()).isEmpty();
	}

}
