package io.github.h2push;

import org.springframework.lang.Nullable;

/**
 * The record of one push attempt: the path, what happened to it, the promise when one
 * was sent, and why when it was not.
 *
 * @param path the path asked for
 * @param outcome what happened
 * @param promise the promise sent, or {@code null} unless {@link PushOutcome#PUSHED}
 * @param reason why it was not pushed, or {@code null} when it was
 * @param detail the particulars of the reason in words, or {@code null}; wording may
 * change between versions, so match on {@link #reason()}
 * @since 0.1.0
 */
public record PushResult(String path, PushOutcome outcome, @Nullable PushPromise promise, @Nullable PushReason reason,
		@Nullable String detail) {

	/**
	 * Records a push that was sent.
	 * @param promise the promise
	 * @return the result
	 */
	public static PushResult pushed(PushPromise promise) {
		return new PushResult(promise.path(), PushOutcome.PUSHED, promise, null, null);
	}

	/**
	 * Records a resource that was not pushed.
	 * @param path the path
	 * @param outcome what happened instead
	 * @param reason why
	 * @param detail the particulars, or {@code null}
	 * @return the result
	 */
	public static PushResult notPushed(String path, PushOutcome outcome, PushReason reason, @Nullable String detail) {
		return new PushResult(path, outcome, null, reason, detail);
	}

	/**
	 * Whether a PUSH_PROMISE was sent.
	 * @return {@code true} when pushed
	 */
	public boolean isPushed() {
		return this.outcome == PushOutcome.PUSHED;
	}

	/**
	 * The same result with another outcome, such as a hint that went into a
	 * {@code 103 Early Hints} response.
	 * @param outcome the outcome
	 * @return the result
	 */
	public PushResult withOutcome(PushOutcome outcome) {
		return new PushResult(this.path, outcome, this.promise, this.reason, this.detail);
	}

	/**
	 * Describes the result without header values, which may carry credentials:
	 * {@code PUSHED /css/site.css [accept, user-agent]} or
	 * {@code HINTED /css/site.css (not-http2: HTTP/1.1)}.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(64).append(this.outcome).append(' ').append(this.path);
		if (this.promise != null) {
			text.append(' ').append(this.promise.headerNames());
		}
		if (this.reason != null) {
			text.append(" (").append(this.reason.value());
			if (this.detail != null) {
				text.append(": ").append(this.detail);
			}
			text.append(')');
		}
		return text.toString();
	}

}
