package io.github.h2push.engine;

import java.util.List;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.PushAccessPolicy;
import io.github.h2push.PushListener;
import io.github.h2push.PushPromiseService;
import io.github.h2push.spi.PushTransport;

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
