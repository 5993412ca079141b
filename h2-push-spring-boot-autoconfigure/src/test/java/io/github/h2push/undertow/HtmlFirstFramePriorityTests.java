package io.github.h2push.undertow;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the rule {@link HtmlFirstFramePriority} moves frames by: strings stand for
 * queued frames, {@code d…} for bare DATA frames of other streams (which may be passed),
 * anything else for frames that carry a header block or belong to the same stream.
 */
class HtmlFirstFramePriorityTests {

	private static final Predicate<String> BARE_DATA = (frame) -> frame.startsWith("d");

	@Test
	void movesPastBareDataFramesButNeverToTheHead() {
		List<String> pending = new LinkedList<>(List.of("d0", "d1", "d2", "page"));
		assertThat(HtmlFirstFramePriority.moveForward(pending, 3, BARE_DATA)).isEqualTo(1);
		assertThat(pending).containsExactly("d0", "page", "d1", "d2");
	}

	@Test
	void stopsAtAFrameWithAHeaderBlock() {
		List<String> pending = new LinkedList<>(List.of("d0", "d1", "HEADERS", "d2", "d3", "page"));
		assertThat(HtmlFirstFramePriority.moveForward(pending, 5, BARE_DATA)).isEqualTo(3);
		assertThat(pending).containsExactly("d0", "d1", "HEADERS", "page", "d2", "d3");
	}

	@Test
	void staysWhenTheFrameBeforeMayNotBePassed() {
		List<String> pending = new ArrayList<>(List.of("d0", "PUSH_PROMISE", "page"));
		assertThat(HtmlFirstFramePriority.moveForward(pending, 2, BARE_DATA)).isEqualTo(2);
		assertThat(pending).containsExactly("d0", "PUSH_PROMISE", "page");
	}

	@Test
	void leavesAFrameAtTheHeadOrNextToItAlone() {
		List<String> one = new LinkedList<>(List.of("page"));
		assertThat(HtmlFirstFramePriority.moveForward(one, 0, BARE_DATA)).isZero();
		List<String> two = new LinkedList<>(List.of("d0", "page"));
		assertThat(HtmlFirstFramePriority.moveForward(two, 1, BARE_DATA)).isEqualTo(1);
		assertThat(two).containsExactly("d0", "page");
	}

	@Test
	void keepsTheRelativeOrderOfFramesThatMayNotBePassed() {
		List<String> pending = new LinkedList<>(
				List.of("d0", "HEADERS-a", "d1", "HEADERS-b", "d2", "d3", "page-HEADERS", "d4", "page-DATA"));
		HtmlFirstFramePriority.moveForward(pending, 6, BARE_DATA);
		HtmlFirstFramePriority.moveForward(pending, 8, BARE_DATA);
		List<String> headerCarrying = pending.stream().filter(BARE_DATA.negate()).toList();
		assertThat(headerCarrying).containsExactly("HEADERS-a", "HEADERS-b", "page-HEADERS", "page-DATA");
		assertThat(pending).containsExactly("d0", "HEADERS-a", "d1", "HEADERS-b", "page-HEADERS", "page-DATA", "d2",
				"d3", "d4");
	}

}
