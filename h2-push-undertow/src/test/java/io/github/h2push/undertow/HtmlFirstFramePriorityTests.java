package io.github.h2push.undertow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.undertow.protocols.http2.AbstractHttp2StreamSinkChannel;
import io.undertow.protocols.http2.AbstractHttp2StreamSourceChannel;
import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2DataStreamSinkChannel;
import io.undertow.protocols.http2.Http2PushPromiseStreamSinkChannel;
import io.undertow.server.protocol.framed.FramePriority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link HtmlFirstFramePriority}. In the tests of the rule alone, strings stand
 * for queued frames, {@code d…} for bare DATA frames of other streams (which may be
 * passed), anything else for frames that carry a header block or belong to the same
 * stream.
 */
class HtmlFirstFramePriorityTests {

	private final Set<AbstractHttp2StreamSinkChannel> bareData = new HashSet<>();

	private final List<AbstractHttp2StreamSinkChannel> pending = new LinkedList<>();

	private final Deque<AbstractHttp2StreamSinkChannel> held = new ArrayDeque<>();

	private final HtmlFirstFramePriority priority = new HtmlFirstFramePriority(new Appending(),
			this.bareData::contains);

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

	@Test
	void putsAFrameOfAnUrgentStreamAheadOfBareDataOfOtherStreams() {
		AbstractHttp2StreamSinkChannel head = queue(data(1, true));
		AbstractHttp2StreamSinkChannel first = queue(data(3, true));
		AbstractHttp2StreamSinkChannel second = queue(data(5, true));
		this.priority.markUrgent(7);
		AbstractHttp2StreamSinkChannel page = data(7, false);
		assertThat(this.priority.insertFrame(page, this.pending)).isTrue();
		assertThat(this.pending).containsExactly(head, page, first, second);
	}

	@Test
	void neverPassesAFrameWithAHeaderBlockAPushPromiseOrAnotherUrgentFrame() {
		AbstractHttp2StreamSinkChannel head = queue(data(1, true));
		AbstractHttp2StreamSinkChannel headers = queue(data(3, false));
		AbstractHttp2StreamSinkChannel promise = queue(pushPromise(1));
		this.priority.markUrgent(9);
		this.priority.markUrgent(11);
		AbstractHttp2StreamSinkChannel urgent = queue(data(9, true));
		AbstractHttp2StreamSinkChannel data = queue(data(5, true));
		AbstractHttp2StreamSinkChannel page = data(11, false);
		this.priority.insertFrame(page, this.pending);
		assertThat(this.pending).containsExactly(head, headers, promise, urgent, page, data);
	}

	@Test
	void leavesFramesOfOrdinaryStreamsWhereUndertowPutThem() {
		AbstractHttp2StreamSinkChannel head = queue(data(1, true));
		AbstractHttp2StreamSinkChannel data = queue(data(3, true));
		this.priority.markUrgent(5);
		this.priority.unmarkUrgent(5);
		AbstractHttp2StreamSinkChannel page = data(5, true);
		this.priority.insertFrame(page, this.pending);
		assertThat(this.pending).containsExactly(head, data, page);
	}

	@Test
	void movesUrgentFramesReleasedFromHoldInTheOrderUndertowReleasedThem() {
		AbstractHttp2StreamSinkChannel head = queue(data(1, true));
		AbstractHttp2StreamSinkChannel data = queue(data(3, true));
		this.priority.markUrgent(5);
		this.priority.markUrgent(7);
		AbstractHttp2StreamSinkChannel released = data(9, true);
		AbstractHttp2StreamSinkChannel page = data(5, true);
		AbstractHttp2StreamSinkChannel otherPage = data(7, true);
		this.held.addAll(List.of(released, page, otherPage));
		this.priority.frameAdded(null, this.pending, this.held);
		assertThat(this.pending).containsExactly(head, page, otherPage, data, released);
		assertThat(this.held).isEmpty();
	}

	private AbstractHttp2StreamSinkChannel queue(AbstractHttp2StreamSinkChannel frame) {
		this.pending.add(frame);
		return frame;
	}

	private Http2DataStreamSinkChannel data(int streamId, boolean bare) {
		Http2DataStreamSinkChannel frame = mock(Http2DataStreamSinkChannel.class);
		given(frame.getStreamId()).willReturn(streamId);
		if (bare) {
			this.bareData.add(frame);
		}
		return frame;
	}

	// told it is bare DATA, as a wrong answer would be: the type alone keeps it in place
	private Http2PushPromiseStreamSinkChannel pushPromise(int associatedStreamId) {
		Http2PushPromiseStreamSinkChannel frame = mock(Http2PushPromiseStreamSinkChannel.class);
		given(frame.getStreamId()).willReturn(associatedStreamId);
		this.bareData.add(frame);
		return frame;
	}

	/**
	 * Undertow's order: appends every frame, and releases every held frame.
	 */
	private static final class Appending
			implements FramePriority<Http2Channel, AbstractHttp2StreamSourceChannel, AbstractHttp2StreamSinkChannel> {

		@Override
		public boolean insertFrame(AbstractHttp2StreamSinkChannel newFrame,
				List<AbstractHttp2StreamSinkChannel> pendingFrames) {
			pendingFrames.add(newFrame);
			return true;
		}

		@Override
		public void frameAdded(AbstractHttp2StreamSinkChannel addedFrame,
				List<AbstractHttp2StreamSinkChannel> pendingFrames, Deque<AbstractHttp2StreamSinkChannel> holdFrames) {
			pendingFrames.addAll(holdFrames);
			holdFrames.clear();
		}

	}

}
