package io.github.h2push.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;

import org.springframework.lang.Nullable;

/**
 * The {@link PushPromiseService} of an application that turned h2-push off
 * ({@code h2-push.enabled=false}): nothing is pushed or hinted, and each call answers
 * {@link PushOutcome#SKIPPED SKIPPED} with reason {@link PushReason#UNAVAILABLE
 * UNAVAILABLE}, so code that injects the service keeps working. A destination that is
 * not a preload destination, and a call without a request outside of one, fail as when
 * h2-push is on. Nothing is recorded on the request or passed to listeners.
 *
 * @since 0.1.0
 */
public final class DisabledPushPromiseService implements PushPromiseService {

	/**
	 * The detail of every result.
	 */
	public static final String DETAIL = "h2-push is disabled (h2-push.enabled=false)";

	@Override
	public PushResult push(String path) {
		DefaultPushPromiseService.currentRequest();
		return skipped(path);
	}

	@Override
	public PushResult push(String path, String as) {
		DefaultPushPromiseService.checkDestination(as);
		DefaultPushPromiseService.currentRequest();
		return skipped(path);
	}

	@Override
	public PushResult push(HttpServletRequest request, String path) {
		return skipped(path);
	}

	@Override
	public PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, String path) {
		return skipped(path);
	}

	@Override
	public PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, String path,
			String as) {
		DefaultPushPromiseService.checkDestination(as);
		return skipped(path);
	}

	private static PushResult skipped(String path) {
		return PushResult.notPushed(path, PushOutcome.SKIPPED, PushReason.UNAVAILABLE, DETAIL);
	}

}
