package io.github.h2push.undertow;

import java.util.Deque;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.undertow.protocols.http2.AbstractHttp2StreamSinkChannel;
import io.undertow.protocols.http2.AbstractHttp2StreamSourceChannel;
import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2DataStreamSinkChannel;
import io.undertow.protocols.http2.Http2PushPromiseStreamSinkChannel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.protocol.framed.FramePriority;

/**
 * The frame order of one HTTP/2 connection: Undertow's own, except that a frame of an
 * urgent stream (the page's own response) moves ahead of DATA frames of other streams
 * already queued.
 * <p>
 * Undertow's priority object keeps state (the next stream id a PUSH_PROMISE may use, and
 * frames held by flow control), so it stays in charge: every call goes to it first, and
 * only a frame it appended to the pending list is moved afterwards. A frame moves only
 * past frames that carry no HPACK header block, because header blocks are encoded when a
 * frame is accepted and the peer must decode them in that order (moving one frame changes
 * no other two frames' order, so passing only bare DATA keeps every header block where it
 * was relative to the others); it never moves to the head of the list, whose frame may
 * already be partly written.
 * <p>
 * Undertow queues at most one frame per stream (a writer waits until its frame is
 * flushed), so a page's frame gains at most one frame of each other stream; what the
 * kernel's socket buffer already holds goes first regardless.
 * <p>
 * Undertow calls {@link #insertFrame} and {@link #frameAdded} under the channel's
 * monitor, from its I/O thread; streams are marked urgent from worker threads.
 */
final class HtmlFirstFramePriority
		implements FramePriority<Http2Channel, AbstractHttp2StreamSourceChannel, AbstractHttp2StreamSinkChannel> {

	private final FramePriority<Http2Channel, AbstractHttp2StreamSourceChannel,
			AbstractHttp2StreamSinkChannel> delegate;

	private final Predicate<Http2DataStreamSinkChannel> carriesOnlyData;

	private final Set<Integer> urgentStreams = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the order of one connection.
	 * @param delegate Undertow's priority object of the connection
	 * @param carriesOnlyData whether the queued frame of a stream is a bare DATA frame: a
	 * frame header without a header block and no trailers; must answer {@code false} when
	 * it cannot tell
	 */
	HtmlFirstFramePriority(
			FramePriority<Http2Channel, AbstractHttp2StreamSourceChannel, AbstractHttp2StreamSinkChannel> delegate,
			Predicate<Http2DataStreamSinkChannel> carriesOnlyData) {
		this.delegate = delegate;
		this.carriesOnlyData = carriesOnlyData;
	}

	void markUrgent(int streamId) {
		this.urgentStreams.add(streamId);
	}

	void unmarkUrgent(int streamId) {
		this.urgentStreams.remove(streamId);
	}

	boolean isUrgent(int streamId) {
		return this.urgentStreams.contains(streamId);
	}

	@Override
	public boolean insertFrame(AbstractHttp2StreamSinkChannel newFrame,
			List<AbstractHttp2StreamSinkChannel> pendingFrames) {
		int before = pendingFrames.size();
		boolean accepted = this.delegate.insertFrame(newFrame, pendingFrames);
		if (accepted && !this.urgentStreams.isEmpty() && pendingFrames.size() == before + 1
				&& pendingFrames.get(before) == newFrame) {
			moveUrgentFramesForward(pendingFrames, before);
		}
		return accepted;
	}

	@Override
	public void frameAdded(AbstractHttp2StreamSinkChannel addedFrame,
			List<AbstractHttp2StreamSinkChannel> pendingFrames, Deque<AbstractHttp2StreamSinkChannel> holdFrames) {
		int before = pendingFrames.size();
		this.delegate.frameAdded(addedFrame, pendingFrames, holdFrames);
		if (!this.urgentStreams.isEmpty()) {
			moveUrgentFramesForward(pendingFrames, before);
		}
	}

	// Undertow's delegate only appends, so the frames from the old end on are the ones it
	// just placed; frames placed earlier have already had their chance to move.
	private void moveUrgentFramesForward(List<AbstractHttp2StreamSinkChannel> pendingFrames, int firstAppended) {
		for (int index = firstAppended; index < pendingFrames.size(); index++) {
			AbstractHttp2StreamSinkChannel frame = pendingFrames.get(index);
			if (frame instanceof Http2StreamSinkChannel stream && isUrgent(stream.getStreamId())) {
				int streamId = stream.getStreamId();
				moveForward(pendingFrames, index, (queued) -> mayBePassed(queued, streamId));
			}
		}
	}

	// A bare DATA frame of another stream that is not urgent itself: passing it changes
	// no header block's position relative to another, so HPACK state stays in step, and
	// urgent frames keep their order among themselves.
	private boolean mayBePassed(AbstractHttp2StreamSinkChannel queued, int streamId) {
		return queued instanceof Http2DataStreamSinkChannel data
				&& !(queued instanceof Http2PushPromiseStreamSinkChannel) && data.getStreamId() != streamId
				&& !isUrgent(data.getStreamId()) && this.carriesOnlyData.test(data);
	}

	/**
	 * Moves the frame at {@code from} towards the head of the list, past every frame
	 * directly before it that {@code mayBePassed} accepts, but never to index 0.
	 * @param <T> the frame type
	 * @param pendingFrames the list
	 * @param from the frame's index
	 * @param mayBePassed whether the frame may move past a queued frame
	 * @return the frame's new index
	 */
	static <T> int moveForward(List<T> pendingFrames, int from, Predicate<? super T> mayBePassed) {
		int to = from;
		ListIterator<T> queued = pendingFrames.listIterator(from);
		while (to > 1 && queued.hasPrevious() && mayBePassed.test(queued.previous())) {
			to--;
		}
		if (to < from) {
			pendingFrames.add(to, pendingFrames.remove(from));
		}
		return to;
	}

}
