package io.github.h2push.autoconfigure;

import java.time.Duration;

import io.github.h2push.engine.PushPathValidator;
import io.github.h2push.engine.PushRoutes;
import io.github.h2push.engine.RequestHeaderAllowlist;

import org.springframework.http.ResponseCookie;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * Checks bound {@code h2-push.*} properties, so a bad value fails startup with a message
 * naming the property.
 */
final class H2PushPropertiesValidation {

	private H2PushPropertiesValidation() {
	}

	static void validate(H2PushProperties properties, Errors errors) {
		for (String name : properties.getCopiedHeaders()) {
			String problem = RequestHeaderAllowlist.problemWith(name);
			if (problem != null) {
				errors.rejectValue("copiedHeaders", "h2-push.invalid-header", "h2-push.copied-headers: " + problem);
			}
		}
		for (String name : properties.getAdditionalCopiedHeaders()) {
			String problem = RequestHeaderAllowlist.problemWith(name);
			if (problem != null) {
				errors.rejectValue("additionalCopiedHeaders", "h2-push.invalid-header",
						"h2-push.additional-copied-headers: " + problem);
			}
		}
		if (properties.getMaxPushesPerRequest() < 0) {
			errors.rejectValue("maxPushesPerRequest", "h2-push.negative",
					"h2-push.max-pushes-per-request must not be negative");
		}
		if (properties.getMaxCopiedHeaderSize().isNegative()
				|| properties.getMaxCopiedHeaderSize().toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("maxCopiedHeaderSize", "h2-push.out-of-range",
					"h2-push.max-copied-header-size must be between 0 and 2GB");
		}
		if (properties.getMaxCopiedHeaderSizePerRequest().isNegative()
				|| properties.getMaxCopiedHeaderSizePerRequest().toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("maxCopiedHeaderSizePerRequest", "h2-push.out-of-range",
					"h2-push.max-copied-header-size-per-request must be between 0 and 2GB");
		}
		validateConnection(properties.getConnection(), errors);
		PushedResponseCacheProperties cache = properties.getPushedResponseCache();
		if (cache.getMaxSize() == null || cache.getMaxSize().isNegative()) {
			errors.rejectValue("pushedResponseCache.maxSize", "h2-push.negative",
					"h2-push.pushed-response-cache.max-size must not be negative");
		}
		if (cache.getMaxEntrySize() == null || cache.getMaxEntrySize().isNegative()
				|| cache.getMaxEntrySize().toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("pushedResponseCache.maxEntrySize", "h2-push.out-of-range",
					"h2-push.pushed-response-cache.max-entry-size must be between 0 and 2GB");
		}
		EarlyHintsProperties earlyHints = properties.getEarlyHints();
		if (earlyHints.getMinResponseTime() == null || earlyHints.getMinResponseTime().isNegative()) {
			errors.rejectValue("earlyHints.minResponseTime", "h2-push.negative",
					"h2-push.early-hints.min-response-time must not be negative");
		}
		if (earlyHints.getMaxMeasuredRoutes() < 0) {
			errors.rejectValue("earlyHints.maxMeasuredRoutes", "h2-push.negative",
					"h2-push.early-hints.max-measured-routes must not be negative");
		}
		if (properties.getPooledBuffers() < 0) {
			errors.rejectValue("pooledBuffers", "h2-push.negative", "h2-push.pooled-buffers must not be negative");
		}
		if (properties.getDedup().getPerConnection() < 0) {
			errors.rejectValue("dedup.perConnection", "h2-push.negative",
					"h2-push.dedup.per-connection must not be negative");
		}
		CacheDigestProperties digest = properties.getDedup().getCacheDigest();
		if (!isCookieName(digest.getCookieName())) {
			errors.rejectValue("dedup.cacheDigest.cookieName", "h2-push.invalid-cookie-name",
					"h2-push.dedup.cache-digest.cookie-name must be a cookie name (letters, digits and !#$%&'*+-.^_`|~)");
		}
		if (digest.getMaxAge() == null || digest.getMaxAge().isNegative()) {
			errors.rejectValue("dedup.cacheDigest.maxAge", "h2-push.negative",
					"h2-push.dedup.cache-digest.max-age must not be negative");
		}
		validateLearn(properties.getLearn(), errors);
		for (int i = 0; i < properties.getAuthorities().size(); i++) {
			String authority = properties.getAuthorities().get(i);
			if (!StringUtils.hasText(authority) || !authority.trim().matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
				errors.rejectValue("authorities", "h2-push.invalid-authority", "h2-push.authorities[" + i
						+ "]: '" + authority + "' is not a host name or host:port");
			}
		}
		for (int i = 0; i < properties.getRoutes().size(); i++) {
			validateRoute(properties.getRoutes().get(i), "h2-push.routes[" + i + "]", errors);
		}
	}

	private static void validateConnection(ConnectionProperties connection, Errors errors) {
		if (connection.getMaxPushedResponsesInFlight() < 1) {
			errors.rejectValue("connection.maxPushedResponsesInFlight", "h2-push.out-of-range",
					"h2-push.connection.max-pushed-responses-in-flight must be at least 1");
		}
		if (!isPositive(connection.getPushedResponseTimeout())) {
			errors.rejectValue("connection.pushedResponseTimeout", "h2-push.out-of-range",
					"h2-push.connection.pushed-response-timeout must be positive");
		}
		if (connection.getMaxClientResets() < 0) {
			errors.rejectValue("connection.maxClientResets", "h2-push.negative",
					"h2-push.connection.max-client-resets must not be negative");
		}
		if (!isPositive(connection.getClientResetWindow())) {
			errors.rejectValue("connection.clientResetWindow", "h2-push.out-of-range",
					"h2-push.connection.client-reset-window must be positive");
		}
		if (connection.getWriteTimeout() == null || connection.getWriteTimeout().isNegative()) {
			errors.rejectValue("connection.writeTimeout", "h2-push.negative",
					"h2-push.connection.write-timeout must not be negative");
		}
		if (connection.getMaxConcurrentStreams() < 0) {
			errors.rejectValue("connection.maxConcurrentStreams", "h2-push.negative",
					"h2-push.connection.max-concurrent-streams must not be negative");
		}
		if (connection.getMaxRunningRequests() < 0) {
			errors.rejectValue("connection.maxRunningRequests", "h2-push.negative",
					"h2-push.connection.max-running-requests must not be negative");
		}
		if (connection.getMinSendRate() == null || connection.getMinSendRate().isNegative()) {
			errors.rejectValue("connection.minSendRate", "h2-push.negative",
					"h2-push.connection.min-send-rate must not be negative");
		}
		if (connection.getSendRateInterval() == null || connection.getSendRateInterval().toMillis() < 1) {
			errors.rejectValue("connection.sendRateInterval", "h2-push.out-of-range",
					"h2-push.connection.send-rate-interval must be at least 1ms");
		}
	}

	private static void validateLearn(LearnProperties learn, Errors errors) {
		if (learn.getMaxRoutes() < 0) {
			errors.rejectValue("learn.maxRoutes", "h2-push.negative", "h2-push.learn.max-routes must not be negative");
		}
		if (learn.getMaxResourcesPerRoute() < 0) {
			errors.rejectValue("learn.maxResourcesPerRoute", "h2-push.negative",
					"h2-push.learn.max-resources-per-route must not be negative");
		}
		if (learn.getSampleEvery() < 1) {
			errors.rejectValue("learn.sampleEvery", "h2-push.out-of-range",
					"h2-push.learn.sample-every must be at least 1");
		}
		if (learn.getHeadSize().isNegative() || learn.getHeadSize().toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("learn.headSize", "h2-push.out-of-range",
					"h2-push.learn.head-size must be between 0 and 2GB");
		}
		if (learn.getMaxSize().isNegative()) {
			errors.rejectValue("learn.maxSize", "h2-push.negative", "h2-push.learn.max-size must not be negative");
		}
	}

	private static void validateRoute(RouteProperties route, String name, Errors errors) {
		String problem = PushRoutes.problemWithPattern(route.getPattern());
		if (problem != null) {
			errors.reject("h2-push.invalid-route", name + ".pattern: '" + route.getPattern() + "' " + problem);
		}
		if (route.getResources().isEmpty()) {
			errors.reject("h2-push.invalid-route", name + ".resources: at least one resource is needed");
		}
		for (int j = 0; j < route.getResources().size(); j++) {
			String resource = route.getResources().get(j);
			String resourceProblem = PushPathValidator.problemWith(resource);
			if (resourceProblem != null) {
				errors.reject("h2-push.invalid-route",
						name + ".resources[" + j + "]: '" + resource + "' " + resourceProblem);
			}
		}
	}

	// Spring's cookie builder checks names against RFC 6265
	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private static boolean isCookieName(String name) {
		if (!StringUtils.hasText(name)) {
			return false;
		}
		try {
			ResponseCookie.from(name, "").build();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
