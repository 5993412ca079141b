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
		JsonNode metadata = metadata();
		Map<String, Object> expectedDefaults = new HashMap<>();
		expectedDefaults.put("h2-push.enabled", true);
		expectedDefaults.put("h2-push.copied-headers", RequestHeaderAllowlist.DEFAULT_HEADERS);
		expectedDefaults.put("h2-push.max-pushes-per-request", 10);
		expectedDefaults.put("h2-push.max-copied-header-size", "2KB");
		expectedDefaults.put("h2-push.max-copied-header-size-per-request", "8KB");
		expectedDefaults.put("h2-push.preload-links", true);
		expectedDefaults.put("h2-push.early-hints.enabled", true);
		expectedDefaults.put("h2-push.early-hints.over-http1", false);
		expectedDefaults.put("h2-push.early-hints.min-response-time", "10ms");
		expectedDefaults.put("h2-push.early-hints.max-measured-routes", 1000);
		expectedDefaults.put("h2-push.html-first.enabled", true);
		expectedDefaults.put("h2-push.push-from-link-headers", true);
		expectedDefaults.put("h2-push.authorities", List.of());
		expectedDefaults.put("h2-push.additional-copied-headers", List.of());
		expectedDefaults.put("h2-push.connection.max-pushed-responses-in-flight", 10);
		expectedDefaults.put("h2-push.connection.pushed-response-timeout", "10s");
		expectedDefaults.put("h2-push.connection.max-client-resets", 200);
		expectedDefaults.put("h2-push.connection.client-reset-window", "30s");
		expectedDefaults.put("h2-push.connection.write-timeout", "60s");
		expectedDefaults.put("h2-push.connection.max-concurrent-streams", 100);
		expectedDefaults.put("h2-push.connection.max-running-requests", 8);
		expectedDefaults.put("h2-push.connection.min-send-rate", "1KB");
		expectedDefaults.put("h2-push.connection.send-rate-interval", "10s");
		expectedDefaults.put("h2-push.pooled-buffers", 512);
		expectedDefaults.put("h2-push.routes", null);
		expectedDefaults.put("h2-push.dedup.per-connection", 256);
		expectedDefaults.put("h2-push.dedup.cache-digest.enabled", false);
		expectedDefaults.put("h2-push.dedup.cache-digest.cookie-name", "h2push-digest");
		expectedDefaults.put("h2-push.dedup.cache-digest.max-age", "7d");
		expectedDefaults.put("h2-push.learn.enabled", false);
		expectedDefaults.put("h2-push.learn.head-size", "16KB");
		expectedDefaults.put("h2-push.pushed-response-cache.enabled", true);
		expectedDefaults.put("h2-push.pushed-response-cache.max-size", "8MB");
		expectedDefaults.put("h2-push.pushed-response-cache.max-entry-size", "256KB");
		expectedDefaults.put("h2-push.learn.max-routes", 256);
		expectedDefaults.put("h2-push.learn.max-resources-per-route", 16);
		expectedDefaults.put("h2-push.learn.max-size", "256KB");
		expectedDefaults.put("h2-push.learn.sample-every", 20);
		expectedDefaults.put("h2-push.ssl.self-signed", true);
		expectedDefaults.put("h2-push.ssl.answer-plain-http", true);
		// a renamed property keeps its default under its old name
		RenamedPropertiesEnvironmentPostProcessor.RENAMED
			.forEach((old, replacement) -> expectedDefaults.put(old, expectedDefaults.get(replacement)));
		List<JsonNode> properties = properties(metadata);
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
	void describesEveryRenamedPropertyAsDeprecatedWithItsReplacement() throws Exception {
		Map<String, JsonNode> byName = new HashMap<>();
		properties(metadata()).forEach((property) -> byName.put(property.get("name").asText(), property));
		Map<String, String> deprecated = new HashMap<>();
		byName.forEach((name, property) -> {
			if (name.startsWith("h2-push.") && property.has("deprecation")) {
				deprecated.put(name, property.get("deprecation").path("replacement").asText());
			}
		});
		assertThat(deprecated).isEqualTo(RenamedPropertiesEnvironmentPostProcessor.RENAMED);
		deprecated.forEach((old, replacement) -> {
			JsonNode property = byName.get(old);
			assertThat(property.get("deprecation").path("level").asText()).as("level of %s", old).isEqualTo("warning");
			assertThat(byName).as("replacement of %s", old).containsKey(replacement);
			assertThat(byName.get(replacement).has("deprecation")).as("%s deprecated", replacement).isFalse();
			assertThat(property.path("type").asText()).as("type of %s", old)
				.isEqualTo(byName.get(replacement).path("type").asText());
		});
	}

	private static JsonNode metadata() throws Exception {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return new ObjectMapper().readTree(in);
		}
	}

	private static List<JsonNode> properties(JsonNode metadata) {
		List<JsonNode> properties = new ArrayList<>();
		metadata.get("properties").forEach(properties::add);
		return properties;
	}

	@Test
	void defaultsMatchTheProperties() {
		H2PushProperties properties = new H2PushProperties();
		assertThat(properties.getCopiedHeaders()).isEqualTo(RequestHeaderAllowlist.DEFAULT_HEADERS);
		assertThat(properties.getMaxPushesPerRequest()).isEqualTo(10);
		assertThat(properties.getMaxCopiedHeaderSize().toBytes()).isEqualTo(RequestHeaderAllowlist.DEFAULT_MAX_BYTES);
		assertThat(properties.getMaxCopiedHeaderSizePerRequest().toKilobytes()).isEqualTo(8);
		assertThat(properties.getEarlyHints().isEnabled()).isTrue();
		assertThat(properties.getEarlyHints().isOverHttp1()).isFalse();
		assertThat(properties.getHtmlFirst().isEnabled()).isTrue();
		assertThat(properties.getDedup().getPerConnection()).isEqualTo(256);
		assertThat(properties.getDedup().getCacheDigest().isEnabled()).isFalse();
		assertThat(properties.getDedup().getCacheDigest().getMaxAge()).hasDays(7);
		assertThat(properties.isPushFromLinkHeaders()).isTrue();
		assertThat(properties.getLearn().isEnabled()).isFalse();
		assertThat(properties.getLearn().getHeadSize().toKilobytes()).isEqualTo(16);
		assertThat(properties.getLearn().getMaxSize().toKilobytes()).isEqualTo(256);
		assertThat(properties.getAuthorities()).isEmpty();
		assertThat(properties.getConnection().getMaxPushedResponsesInFlight()).isEqualTo(10);
		assertThat(properties.getConnection().getPushedResponseTimeout()).hasSeconds(10);
		assertThat(properties.getConnection().getMaxClientResets()).isEqualTo(200);
		assertThat(properties.getConnection().getClientResetWindow()).hasSeconds(30);
		assertThat(properties.getConnection().getWriteTimeout()).hasSeconds(60);
		assertThat(properties.getConnection().getMaxConcurrentStreams()).isEqualTo(100);
		assertThat(properties.getConnection().getMaxRunningRequests()).isEqualTo(8);
		assertThat(properties.getConnection().getMinSendRate().toKilobytes()).isEqualTo(1);
		assertThat(properties.getConnection().getSendRateInterval()).hasSeconds(10);
		assertThat(properties.getRoutes()).isEmpty();
	}

}
