package io.github.h2push;

import java.util.List;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.support.CacheDigestCookie;
import io.github.h2push.support.RequestHeaderAllowlist;

import org.springframework.lang.Nullable;

/**
 * What a {@link PushPromiseService} is configured with, shared by its attempts.
 */
record PushSettings(List<PushTransport> transports, RequestHeaderAllowlist copiedHeaders, int maxPushesPerRequest,
		int maxCopiedBytesPerRequest, boolean preloadLinks, boolean earlyHints, boolean earlyHintsOverHttp1,
		List<PushAccessPolicy> accessPolicies, List<PushListener> listeners,
		@Nullable BiFunction<HttpServletRequest, String, String> urlResolver,
		@Nullable CacheDigestCookie cacheDigest) {
}
