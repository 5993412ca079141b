package io.github.h2push.spi;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.PushPromiseService;

import org.springframework.lang.Nullable;

/**
 * Delivers push promises for the requests of one kind of server connection. For each
 * request that plans pushes, the {@link PushPromiseService} asks the transports in
 * order to {@linkplain #open open} a {@link PushChannel}; the first that does serves
 * the whole request.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PushTransport {

	/**
	 * Opens the push channel of a request. Called at most once for each call to the
	 * {@link PushPromiseService}, so an implementation looks up its server's request
	 * state here, once.
	 * @param request the triggering request
	 * @return the channel, or {@code null} when this transport does not handle the
	 * request
	 */
	@Nullable
	PushChannel open(HttpServletRequest request);

}
