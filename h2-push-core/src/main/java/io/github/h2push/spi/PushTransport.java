package io.github.h2push.spi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushPromiseService;

import org.springframework.lang.Nullable;

/**
 * Delivers push promises and early hints for the requests of one kind of server. For
 * each request that plans pushes or hints, or whose application sets a {@code Link}
 * header with preload links, the {@link PushPromiseService} asks the transports in
 * order to {@linkplain #open open} a {@link PushChannel}; the first that does serves
 * the whole request. A server that cannot push opens a channel that refuses
 * pushes with {@link io.github.h2push.PushReason#UNAVAILABLE} and may still send
 * {@code 103 Early Hints}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PushTransport {

	/**
	 * Opens the channel of a request. Called at most once for each request, so an
	 * implementation looks up its server's request state here, once.
	 * @param request the triggering request
	 * @param response the response being prepared for it, possibly wrapped, or
	 * {@code null} when the caller has none
	 * @return the channel, or {@code null} when this transport does not handle the
	 * request
	 */
	@Nullable
	PushChannel open(HttpServletRequest request, @Nullable HttpServletResponse response);

}
