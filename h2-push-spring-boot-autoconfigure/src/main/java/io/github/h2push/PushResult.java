package io.github.h2push;

import io.github.h2push.support.LogSafe;

import org.springframework.lang.Nullable;

/**
 * The record of one push attempt: the path, what happened to it, the promise when one
 * was sent, and why when it was not.
 *
 * @param path the path asked for
 * @param outcome what happened
 * @param promise the promise sent, or {@code null} unless {@link PushOutcome#PUSHED}
 * @param reason why it was not pushed, or {@code null} when it was
 * @since 0.1.0
 */
public record PushResult(String path, PushOutcome outcome, @Nullable PushPromise promise, @Nullable String reason) {

	/**
	 * Whether a PUSH_PROMISE was sent.
	 * @return {@code true} when pushed
	 */
	public boolean isPushed() {
		return this.outcome == PushOutcome.PUSHED;
	}

	@Override
	public String toString() {
		return this.outcome + " " + ((this.promise != null) ? this.promise : LogSafe.escape(this.path))
				+ ((this.reason != null) ? " (" + this.reason + ")" : "");
	}

}
