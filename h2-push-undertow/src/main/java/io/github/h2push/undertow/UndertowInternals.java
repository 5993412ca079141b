package io.github.h2push.undertow;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import io.undertow.Undertow;
import io.undertow.Version;
import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2DataStreamSinkChannel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.protocols.http2.Http2StreamSourceChannel;
import io.undertow.protocols.ssl.SNIContextMatcher;
import io.undertow.protocols.ssl.SNISSLContext;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.OpenListener;
import io.undertow.server.protocol.framed.AbstractFramedChannel;
import io.undertow.server.protocol.framed.AbstractFramedStreamSinkChannel;
import io.undertow.server.protocol.framed.FramePriority;
import io.undertow.server.protocol.framed.SendFrameHeader;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.xnio.StreamConnection;
import org.xnio.channels.AcceptingChannel;

import org.springframework.lang.Nullable;

/**
 * The one place that reaches Undertow's private and package-private members: each is
 * looked up once, and the rest of the adapter asks this class. Undertow has no public
 * API for what h2-push does with them, and any 2.3.x release may change them.
 * <p>
 * When members are missing, the {@link Feature features} that need them are off, and one
 * WARN, logged when the members are first looked up, names the missing members and the
 * features turned off. Reading a member that was found never throws: a failed read
 * answers {@code null} (or {@code false}, or {@code -1}), which callers treat as "cannot
 * tell".
 * <p>
 * Reflection on Undertow from the class path needs no {@code --add-opens}.
 */
final class UndertowInternals {

	private static final Log logger = LogFactory.getLog(UndertowInternals.class);

	static final String CONNECTION_CHANNEL = "Http2ServerConnection.channel";

	static final String CONNECTION_RESPONSE_CHANNEL = "Http2ServerConnection.responseChannel";

	static final String REMOVE_STREAM_SOURCE = "Http2Channel.removeStreamSource(int)";

	static final String SEND_CONCURRENT_STREAMS = "Http2Channel.sendConcurrentStreams";

	static final String RECEIVE_CONCURRENT_STREAMS = "Http2Channel.receiveConcurrentStreams";

	static final String FRAME_PRIORITY = "AbstractFramedChannel.framePriority";

	static final String HELD_FRAMES = "AbstractFramedChannel.heldFrames";

	static final String FRAMED_SINK_HEADER = "AbstractFramedStreamSinkChannel.header";

	static final String HTTP2_SINK_HEADER = "Http2StreamSinkChannel.header";

	static final String LISTENER_CHANNEL = "Undertow.ListenerInfo.channel";

	static final String LISTENER_SSL = "Undertow.ListenerInfo.ssl";

	static final String LISTENER_OPEN_LISTENER = "Undertow.ListenerInfo.openListener";

	static final String SSL_CHANNEL = "UndertowAcceptingSslChannel";

	static final String SSL_CHANNEL_TCP_SERVER = "UndertowAcceptingSslChannel.tcpServer";

	static final String SSL_CHANNEL_CIPHER_SUITES_ORDER = "UndertowAcceptingSslChannel.useCipherSuitesOrder";

	static final String BUILDER_LISTENERS = "Undertow.Builder.listeners";

	static final String LISTENER_CONFIG = "Undertow.ListenerConfig";

	static final String LISTENER_CONFIG_PORT = "Undertow.ListenerConfig.port";

	static final String LISTENER_CONFIG_SSL_CONTEXT = "Undertow.ListenerConfig.sslContext";

	static final String SNI_ENGINE_STATE = "SNISSLEngine.currentRef";

	static final String SNI_INITIAL_STATE_MATCHER = "SNISSLEngine.InitialState.selector";

	private static final String SSL_CHANNEL_CLASS = "io.undertow.protocols.ssl.UndertowAcceptingSslChannel";

	private static final String LISTENER_CONFIG_CLASS = "io.undertow.Undertow$ListenerConfig";

	private static final String SNI_ENGINE_CLASS = "io.undertow.protocols.ssl.SNISSLEngine";

	private static final String SNI_ENGINE_INITIAL_STATE_CLASS = "io.undertow.protocols.ssl.SNISSLEngine$InitialState";

	private static final UndertowInternals INSTANCE = lookUpAndReport();

	private final List<String> missing;

	private final Set<Feature> unavailable;

	@Nullable
	private final MethodHandle connectionChannel;

	@Nullable
	private final MethodHandle connectionResponseChannel;

	@Nullable
	private final MethodHandle removeStreamSource;

	@Nullable
	private final MethodHandle sendConcurrentStreams;

	@Nullable
	private final MethodHandle receiveConcurrentStreams;

	@Nullable
	private final MethodHandle framePriority;

	@Nullable
	private final MethodHandle setFramePriority;

	@Nullable
	private final MethodHandle heldFrames;

	@Nullable
	private final MethodHandle framedSinkHeader;

	@Nullable
	private final MethodHandle http2SinkHeader;

	@Nullable
	private final MethodHandle listenerChannel;

	@Nullable
	private final MethodHandle listenerSsl;

	@Nullable
	private final MethodHandle listenerOpenListener;

	@Nullable
	private final Class<?> sslChannelType;

	@Nullable
	private final MethodHandle sslChannelTcpServer;

	@Nullable
	private final MethodHandle sslChannelCipherSuitesOrder;

	@Nullable
	private final MethodHandle builderListeners;

	@Nullable
	private final Class<?> listenerConfigType;

	@Nullable
	private final MethodHandle listenerConfigPort;

	@Nullable
	private final MethodHandle listenerConfigSslContext;

	@Nullable
	private final MethodHandle setListenerConfigSslContext;

	// read once per server start, so no method handles: reflection costs less there
	@Nullable
	private final Field sniEngineState;

	@Nullable
	private final Field sniInitialStateMatcher;

	/**
	 * Looks the members up.
	 * @param hidden members to treat as missing, by the names this class gives them
	 * (tests use it to see what happens on an Undertow that lacks them)
	 */
	UndertowInternals(Predicate<String> hidden) {
		Members members = new Members(hidden);
		this.connectionChannel = members.getter(Http2ServerConnection.class, "channel", Http2Channel.class,
				MethodType.methodType(Http2Channel.class, Http2ServerConnection.class));
		this.connectionResponseChannel = members.getter(Http2ServerConnection.class, "responseChannel",
				Http2DataStreamSinkChannel.class,
				MethodType.methodType(Http2StreamSinkChannel.class, Http2ServerConnection.class));
		this.removeStreamSource = members.method(Http2Channel.class, "removeStreamSource",
				MethodType.methodType(Http2StreamSourceChannel.class, int.class),
				MethodType.methodType(void.class, Http2Channel.class, int.class));
		this.sendConcurrentStreams = members.getter(Http2Channel.class, "sendConcurrentStreams", int.class,
				MethodType.methodType(int.class, Http2Channel.class));
		this.receiveConcurrentStreams = members.getter(Http2Channel.class, "receiveConcurrentStreams", int.class,
				MethodType.methodType(int.class, Http2Channel.class));
		Field priority = members.field(AbstractFramedChannel.class, "framePriority", FramePriority.class);
		this.framePriority = members.getter(priority, FRAME_PRIORITY,
				MethodType.methodType(FramePriority.class, Http2Channel.class));
		this.setFramePriority = members.setter(priority, FRAME_PRIORITY,
				MethodType.methodType(void.class, Http2Channel.class, FramePriority.class));
		// frames waiting for flow-control window, none of their bytes written
		this.heldFrames = members.getter(AbstractFramedChannel.class, "heldFrames", Deque.class,
				MethodType.methodType(Deque.class, Http2Channel.class));
		// a frame's generated header: in the HTTP/2 sink until the write loop takes it
		this.framedSinkHeader = members.getter(AbstractFramedStreamSinkChannel.class, "header",
				SendFrameHeader.class, MethodType.methodType(SendFrameHeader.class, Http2DataStreamSinkChannel.class));
		this.http2SinkHeader = members.getter(Http2StreamSinkChannel.class, "header", SendFrameHeader.class,
				MethodType.methodType(SendFrameHeader.class, Http2DataStreamSinkChannel.class));
		this.listenerChannel = members.getter(Undertow.ListenerInfo.class, "channel", AcceptingChannel.class,
				MethodType.methodType(AcceptingChannel.class, Undertow.ListenerInfo.class));
		this.listenerSsl = members.getter(Undertow.ListenerInfo.class, "ssl", UndertowXnioSsl.class,
				MethodType.methodType(UndertowXnioSsl.class, Undertow.ListenerInfo.class));
		this.listenerOpenListener = members.getter(Undertow.ListenerInfo.class, "openListener", OpenListener.class,
				MethodType.methodType(OpenListener.class, Undertow.ListenerInfo.class));
		this.sslChannelType = members.type(SSL_CHANNEL_CLASS, SSL_CHANNEL);
		this.sslChannelTcpServer = (this.sslChannelType != null) ? members.getter(this.sslChannelType, "tcpServer",
				AcceptingChannel.class, MethodType.methodType(AcceptingChannel.class, Object.class)) : null;
		this.sslChannelCipherSuitesOrder = (this.sslChannelType != null)
				? members.getter(this.sslChannelType, "useCipherSuitesOrder", boolean.class,
						MethodType.methodType(boolean.class, Object.class))
				: null;
		this.builderListeners = members.getter(Undertow.Builder.class, "listeners", List.class,
				MethodType.methodType(List.class, Undertow.Builder.class));
		this.listenerConfigType = members.type(LISTENER_CONFIG_CLASS, LISTENER_CONFIG);
		this.listenerConfigPort = (this.listenerConfigType != null) ? members.getter(this.listenerConfigType, "port",
				int.class, MethodType.methodType(int.class, Object.class)) : null;
		// final, but read only when the server starts
		Field sslContext = (this.listenerConfigType != null)
				? members.field(this.listenerConfigType, "sslContext", SSLContext.class) : null;
		this.listenerConfigSslContext = members.getter(sslContext, LISTENER_CONFIG_SSL_CONTEXT,
				MethodType.methodType(SSLContext.class, Object.class));
		this.setListenerConfigSslContext = members.setter(sslContext, LISTENER_CONFIG_SSL_CONTEXT,
				MethodType.methodType(void.class, Object.class, SSLContext.class));
		// without them the default context is made again from the bundle: nothing is turned off
		this.sniEngineState = members.optionalField(SNI_ENGINE_CLASS, "currentRef", AtomicReference.class);
		this.sniInitialStateMatcher = members.optionalField(SNI_ENGINE_INITIAL_STATE_CLASS, "selector",
				SNIContextMatcher.class);
		this.missing = List.copyOf(members.missing);
		this.unavailable = EnumSet.noneOf(Feature.class);
		for (Feature feature : Feature.values()) {
			if (feature.members.stream().anyMatch(this.missing::contains)) {
				this.unavailable.add(feature);
			}
		}
	}

	/**
	 * The members of the Undertow on the class path, looked up once; the first call logs
	 * what is missing.
	 * @return the internals
	 */
	static UndertowInternals get() {
		return INSTANCE;
	}

	private static UndertowInternals lookUpAndReport() {
		UndertowInternals internals = new UndertowInternals((member) -> false);
		String warning = internals.warning();
		if (warning != null) {
			logger.warn(warning);
		}
		return internals;
	}

	/**
	 * Whether this Undertow has every member a feature needs.
	 * @param feature the feature
	 * @return {@code true} if it can be on
	 */
	boolean supports(Feature feature) {
		return !this.unavailable.contains(feature);
	}

	/**
	 * What to log when members are missing: which, and which features are off.
	 * @return the message, {@code null} when every member was found
	 */
	@Nullable
	String warning() {
		if (this.missing.isEmpty()) {
			return null;
		}
		StringBuilder message = new StringBuilder("This Undertow version (").append(undertowVersion())
			.append(") lacks internals h2-push uses: ")
			.append(String.join(", ", this.missing))
			.append(". Turned off:");
		for (Feature feature : this.unavailable) {
			message.append(' ').append(feature.description).append(';');
		}
		message.setLength(message.length() - 1);
		return message.append('.').toString();
	}

	private static String undertowVersion() {
		try {
			return Version.getVersionString();
		}
		catch (RuntimeException ex) {
			return "unknown";
		}
	}

	/**
	 * The HTTP/2 channel of a connection, whose monitor Undertow holds while it sends a
	 * push promise or places a frame.
	 * @param connection the connection
	 * @return its channel, {@code null} when it cannot be reached
	 */
	@Nullable
	Http2Channel channel(Http2ServerConnection connection) {
		MethodHandle handle = (this == INSTANCE) ? Constants.CONNECTION_CHANNEL : this.connectionChannel;
		if (handle == null) {
			return null;
		}
		try {
			return (Http2Channel) handle.invokeExact(connection);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * The HTTP/2 stream an exchange answers on.
	 * @param exchange the exchange
	 * @return its stream, {@code null} when it is not an HTTP/2 exchange or the stream
	 * cannot be reached
	 */
	@Nullable
	Http2StreamSinkChannel responseChannel(HttpServerExchange exchange) {
		MethodHandle handle = (this == INSTANCE) ? Constants.CONNECTION_RESPONSE_CHANNEL
				: this.connectionResponseChannel;
		if (handle == null || !(exchange.getConnection() instanceof Http2ServerConnection connection)) {
			return null;
		}
		try {
			return (Http2StreamSinkChannel) handle.invokeExact(connection);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * Marks the source side of a stream closed, as if its request had ended, so that
	 * Undertow removes the stream, and gives back its concurrent-stream slot, once its
	 * response completes.
	 * @param channel the stream's channel
	 * @param streamId the stream
	 * @return {@code true} if it was marked
	 */
	boolean removeStreamSource(Http2Channel channel, int streamId) {
		if (this.removeStreamSource == null) {
			return false;
		}
		try {
			this.removeStreamSource.invokeExact(channel, streamId);
			return true;
		}
		catch (Throwable ex) {
			logger.debug("Could not mark stream " + streamId + " as closed for reading", ex);
			return false;
		}
	}

	/**
	 * How many streams Undertow counts against the peer's concurrent-stream limit.
	 * @param channel the channel, whose monitor the caller holds
	 * @return the count, -1 when it cannot be read
	 */
	int sendConcurrentStreams(Http2Channel channel) {
		MethodHandle handle = (this == INSTANCE) ? Constants.SEND_CONCURRENT_STREAMS : this.sendConcurrentStreams;
		if (handle == null) {
			return -1;
		}
		try {
			return (int) handle.invokeExact(channel);
		}
		catch (Throwable ex) {
			return -1;
		}
	}

	/**
	 * How many streams the peer opened that Undertow counts as open: a stream counts
	 * from its HEADERS frame until both its request and its response have ended or it
	 * was reset, as HTTP/2 counts streams against SETTINGS_MAX_CONCURRENT_STREAMS. Read
	 * on the channel's I/O thread, which alone changes it when streams open, and which
	 * writes the last frame of a response before the peer can open another stream in
	 * its place.
	 * @param channel the channel
	 * @return the count, -1 when it cannot be read
	 */
	int receiveConcurrentStreams(Http2Channel channel) {
		MethodHandle handle = (this == INSTANCE) ? Constants.RECEIVE_CONCURRENT_STREAMS
				: this.receiveConcurrentStreams;
		if (handle == null) {
			return -1;
		}
		try {
			return (int) handle.invokeExact(channel);
		}
		catch (Throwable ex) {
			return -1;
		}
	}

	/**
	 * The object that decides where a new frame of a channel goes.
	 * @param channel the channel
	 * @return its frame priority, {@code null} when it cannot be read
	 */
	@Nullable
	@SuppressWarnings("rawtypes")
	FramePriority framePriority(Http2Channel channel) {
		if (this.framePriority == null) {
			return null;
		}
		try {
			return (FramePriority) this.framePriority.invokeExact(channel);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * Replaces the object that decides where a new frame of a channel goes. Undertow
	 * reads it only while holding the channel's monitor, which the caller holds.
	 * @param channel the channel
	 * @param priority the new frame priority
	 * @return {@code true} if it was replaced
	 */
	@SuppressWarnings("rawtypes")
	boolean setFramePriority(Http2Channel channel, FramePriority priority) {
		if (this.setFramePriority == null) {
			return false;
		}
		try {
			this.setFramePriority.invokeExact(channel, priority);
			return true;
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/**
	 * Takes the frame a stream has queued out of those waiting for flow-control window,
	 * so that the channel never writes it: none of its bytes are written then, unlike a
	 * frame waiting its turn for the socket, which may be written in part already. Call it
	 * before breaking the stream: the channel moves a broken frame it still holds to those
	 * it writes when another frame is queued or window arrives, and if the thread writing
	 * the response closes the stream before that frame is written (as it does once woken),
	 * the channel fails on it and closes the whole connection.
	 * @param stream the stream, on its channel's I/O thread
	 * @return {@code true} if its frame waited for window and was taken out,
	 * {@code false} if it did not or that cannot be read
	 */
	boolean removeHeldFrame(Http2StreamSinkChannel stream) {
		if (this.heldFrames == null) {
			return false;
		}
		Http2Channel channel = stream.getChannel();
		try {
			// the channel moves its held frames under its own monitor
			synchronized (channel) {
				Deque<?> held = (Deque<?>) this.heldFrames.invokeExact(channel);
				return held.remove(stream);
			}
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/**
	 * The generated header of the frame a stream has queued.
	 * @param frame the stream
	 * @return the header, {@code null} when there is none or it cannot be read
	 */
	@Nullable
	SendFrameHeader frameHeader(Http2DataStreamSinkChannel frame) {
		boolean shared = this == INSTANCE;
		MethodHandle framed = shared ? Constants.FRAMED_SINK_HEADER : this.framedSinkHeader;
		MethodHandle http2 = shared ? Constants.HTTP2_SINK_HEADER : this.http2SinkHeader;
		if (framed == null || http2 == null) {
			return null;
		}
		try {
			SendFrameHeader header = (SendFrameHeader) framed.invokeExact(frame);
			return (header != null) ? header : (SendFrameHeader) http2.invokeExact(frame);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * The channel a listener accepts connections on.
	 * @param listener the listener of a started server
	 * @return the channel, {@code null} when it cannot be read
	 */
	@Nullable
	AcceptingChannel<?> acceptingChannel(Undertow.ListenerInfo listener) {
		if (this.listenerChannel == null) {
			return null;
		}
		try {
			return (AcceptingChannel<?>) this.listenerChannel.invokeExact(listener);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * The TLS wrapper of an HTTPS listener.
	 * @param listener the listener of a started server
	 * @return the wrapper, {@code null} when there is none or it cannot be read
	 */
	@Nullable
	UndertowXnioSsl ssl(Undertow.ListenerInfo listener) {
		if (this.listenerSsl == null) {
			return null;
		}
		try {
			return (UndertowXnioSsl) this.listenerSsl.invokeExact(listener);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * The open listener a listener hands accepted connections to, which holds its
	 * options.
	 * @param listener the listener of a started server
	 * @return the open listener, {@code null} when it cannot be read
	 */
	@Nullable
	OpenListener openListener(Undertow.ListenerInfo listener) {
		if (this.listenerOpenListener == null) {
			return null;
		}
		try {
			return (OpenListener) this.listenerOpenListener.invokeExact(listener);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * Whether an accepting channel is Undertow's TLS one, which wraps a TCP server.
	 * @param channel the channel
	 * @return {@code true} for Undertow's TLS channel
	 */
	boolean isSslChannel(@Nullable AcceptingChannel<?> channel) {
		return this.sslChannelType != null && this.sslChannelType.isInstance(channel);
	}

	/**
	 * The TCP server an Undertow TLS channel accepts connections from.
	 * @param sslChannel a channel {@link #isSslChannel(AcceptingChannel) that is TLS}
	 * @return the TCP server, {@code null} when it cannot be read
	 */
	@Nullable
	@SuppressWarnings("unchecked")
	AcceptingChannel<StreamConnection> tcpServer(AcceptingChannel<?> sslChannel) {
		if (this.sslChannelTcpServer == null) {
			return null;
		}
		try {
			return (AcceptingChannel<StreamConnection>) this.sslChannelTcpServer.invokeExact((Object) sslChannel);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * Whether an Undertow TLS channel makes the engine honour the server's cipher suite
	 * order.
	 * @param sslChannel a channel {@link #isSslChannel(AcceptingChannel) that is TLS}
	 * @return the setting, {@code null} when it cannot be read
	 */
	@Nullable
	Boolean useCipherSuitesOrder(AcceptingChannel<?> sslChannel) {
		if (this.sslChannelCipherSuitesOrder == null) {
			return null;
		}
		try {
			return (boolean) this.sslChannelCipherSuitesOrder.invokeExact((Object) sslChannel);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * The listeners a builder will start, in Undertow's private form.
	 * @param builder the builder, not yet built
	 * @return its listener configurations, empty when they cannot be read
	 */
	List<?> listenerConfigs(Undertow.Builder builder) {
		if (this.builderListeners == null) {
			return List.of();
		}
		try {
			return (List<?>) this.builderListeners.invokeExact(builder);
		}
		catch (Throwable ex) {
			return List.of();
		}
	}

	/**
	 * The port a listener configuration binds.
	 * @param config one of {@link #listenerConfigs(Undertow.Builder)}
	 * @return the port, -1 when it cannot be read
	 */
	int port(Object config) {
		if (this.listenerConfigPort == null || !this.listenerConfigType.isInstance(config)) {
			return -1;
		}
		try {
			return (int) this.listenerConfigPort.invokeExact(config);
		}
		catch (Throwable ex) {
			return -1;
		}
	}

	/**
	 * The SSL context a listener configuration gives its HTTPS listener.
	 * @param config one of {@link #listenerConfigs(Undertow.Builder)}
	 * @return the context, {@code null} when there is none or it cannot be read
	 */
	@Nullable
	SSLContext sslContext(Object config) {
		if (this.listenerConfigSslContext == null || !this.listenerConfigType.isInstance(config)) {
			return null;
		}
		try {
			return (SSLContext) this.listenerConfigSslContext.invokeExact(config);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/**
	 * Replaces the SSL context of a listener configuration, before the server starts.
	 * @param config one of {@link #listenerConfigs(Undertow.Builder)}
	 * @param sslContext the new context
	 * @return {@code true} if it was replaced
	 */
	boolean setSslContext(Object config, SSLContext sslContext) {
		if (this.setListenerConfigSslContext == null || !this.listenerConfigType.isInstance(config)) {
			return false;
		}
		try {
			this.setListenerConfigSslContext.invokeExact(config, sslContext);
			return true;
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/**
	 * The SSL context an SNI context answers with when the client names no server that
	 * has a context of its own: for Spring Boot's HTTPS listener, the context Spring Boot
	 * made from the server's bundle. Reading it saves making that context again, which
	 * parses and encrypts the private key anew.
	 * @param sniContext the SNI context
	 * @return its default context, {@code null} when it cannot be read
	 */
	@Nullable
	SSLContext defaultSslContext(SNISSLContext sniContext) {
		if (this.sniEngineState == null || this.sniInitialStateMatcher == null) {
			return null;
		}
		try {
			// the context keeps its matcher out of reach (in its SPI); a new engine's
			// initial state, which picks the context on the client's hello, holds it too
			Object state = ((AtomicReference<?>) this.sniEngineState.get(sniContext.createSSLEngine())).get();
			if (!this.sniInitialStateMatcher.getDeclaringClass().isInstance(state)) {
				return null;
			}
			SNIContextMatcher matcher = (SNIContextMatcher) this.sniInitialStateMatcher.get(state);
			return (matcher != null) ? matcher.getDefaultContext() : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	// the handles read on every request or frame, as constants of the shared instance: the JIT
	// inlines a constant handle into a plain field read
	private static final class Constants {

		static final MethodHandle CONNECTION_CHANNEL = INSTANCE.connectionChannel;

		static final MethodHandle CONNECTION_RESPONSE_CHANNEL = INSTANCE.connectionResponseChannel;

		static final MethodHandle SEND_CONCURRENT_STREAMS = INSTANCE.sendConcurrentStreams;

		static final MethodHandle RECEIVE_CONCURRENT_STREAMS = INSTANCE.receiveConcurrentStreams;

		static final MethodHandle FRAMED_SINK_HEADER = INSTANCE.framedSinkHeader;

		static final MethodHandle HTTP2_SINK_HEADER = INSTANCE.http2SinkHeader;

	}

	/**
	 * What h2-push does with Undertow's internals, each off when a member it needs is
	 * missing.
	 */
	enum Feature {

		/**
		 * Pushing, with the push-slot leak worked around (see {@link Http2PushSlots}).
		 */
		PUSH("HTTP/2 push (resources are hinted with preload links and 103 Early Hints instead)", CONNECTION_CHANNEL,
				CONNECTION_RESPONSE_CHANNEL, REMOVE_STREAM_SOURCE, SEND_CONCURRENT_STREAMS),

		/**
		 * The page's own frames first (see {@link Http2FrameOrder}).
		 */
		FRAME_ORDER("h2-push.html-first.enabled (frames are sent in Undertow's own order)", CONNECTION_CHANNEL,
				CONNECTION_RESPONSE_CHANNEL, FRAME_PRIORITY, FRAMED_SINK_HEADER, HTTP2_SINK_HEADER),

		/**
		 * Counting and skipping the requests a client resets (see
		 * {@link ClientResetLimitingHandler}).
		 */
		CLIENT_RESET_LIMIT("h2-push.connection.max-client-resets (requests a client resets are neither counted nor "
				+ "skipped)", CONNECTION_RESPONSE_CHANNEL),

		/**
		 * Abandoning a pushed response whose data waits for window at its deadline (see
		 * {@link PushedResponseGuard}).
		 */
		PUSHED_RESPONSE_DEADLINE("h2-push.connection.pushed-response-timeout (a pushed response waiting for window "
				+ "is released by the write timeout only)", HELD_FRAMES),

		/**
		 * Refusing the streams a client opens beyond the limit the server advertises (see
		 * {@link ConcurrentStreamLimitingHandler}).
		 */
		CONCURRENT_STREAM_LIMIT("enforcing SETTINGS_MAX_CONCURRENT_STREAMS (h2-push.connection.max-concurrent-streams "
				+ "is advertised, and clients that ignore it are not refused)", CONNECTION_RESPONSE_CHANNEL,
				RECEIVE_CONCURRENT_STREAMS),

		/**
		 * Letting each connection run so many requests at once (see
		 * {@link RunningRequestLimitingHandler}).
		 */
		RUNNING_REQUEST_LIMIT("h2-push.connection.max-running-requests (one connection may run as many requests "
				+ "at once as there are threads)", CONNECTION_CHANNEL),

		/**
		 * Resetting a response the client lets through too slowly (see
		 * {@link SlowResponseResettingHandler}).
		 */
		MIN_SEND_RATE("h2-push.connection.min-send-rate (a response the client lets through a little at a time "
				+ "holds its thread until it ends)", CONNECTION_RESPONSE_CHANNEL, HELD_FRAMES),

		/**
		 * Completing a response sent whole but not marked as sent (see
		 * {@link ResponseCompletionHandler}).
		 */
		RESPONSE_COMPLETION("completing HTTP/2 responses Undertow sent whole without marking them sent (such a "
				+ "response may be followed by a RST_STREAM(CANCEL) on its stream)", CONNECTION_RESPONSE_CHANNEL),

		/**
		 * Writing a 103 on the request's own HTTP/2 stream.
		 */
		EARLY_HINTS_ON_STREAM("103 Early Hints written on the request's stream (sent through Undertow's "
				+ "out-of-band response instead)", CONNECTION_RESPONSE_CHANNEL),

		/**
		 * Answering plain HTTP on an HTTPS port (see {@link PlainHttpOnTlsPort}).
		 */
		PLAIN_HTTP_ANSWER("h2-push.ssl.answer-plain-http (a plain http:// request to the HTTPS port gets no answer)",
				LISTENER_CHANNEL, LISTENER_SSL, LISTENER_OPEN_LISTENER, SSL_CHANNEL, SSL_CHANNEL_TCP_SERVER,
				SSL_CHANNEL_CIPHER_SUITES_ORDER),

		/**
		 * Rejecting plain HTTP at once on connections Undertow accepts before the answering
		 * listener is installed (see {@link PlainHttpOnTlsPort}).
		 */
		PLAIN_HTTP_AS_PORT_OPENS("h2-push.ssl.answer-plain-http for connections accepted as the HTTPS port opens "
				+ "(a plain http:// request there waits until the client gives up)", BUILDER_LISTENERS,
				LISTENER_CONFIG, LISTENER_CONFIG_PORT, LISTENER_CONFIG_SSL_CONTEXT),

		/**
		 * Reading whether a listener serves HTTP/2 (see {@link UndertowListeners}).
		 */
		LISTENER_HTTP2("reading whether the server's port serves HTTP/2 (the h2push endpoint says unknown)",
				LISTENER_OPEN_LISTENER);

		private final String description;

		private final List<String> members;

		Feature(String description, String... members) {
			this.description = description;
			this.members = List.of(members);
		}

	}

	/**
	 * Looks members up, noting which are missing.
	 */
	static final class Members {

		private final MethodHandles.Lookup lookup = MethodHandles.lookup();

		private final Predicate<String> hidden;

		final Set<String> missing = new LinkedHashSet<>();

		Members(Predicate<String> hidden) {
			this.hidden = hidden;
		}

		@Nullable
		Class<?> type(String className, String name) {
			try {
				if (this.hidden.test(name)) {
					throw new ClassNotFoundException(className);
				}
				return Class.forName(className, false, Undertow.class.getClassLoader());
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				this.missing.add(name);
				return null;
			}
		}

		@Nullable
		Field field(Class<?> owner, String fieldName, Class<?> type) {
			String name = name(owner, fieldName);
			try {
				if (this.hidden.test(name)) {
					throw new NoSuchFieldException(name);
				}
				Field field = owner.getDeclaredField(fieldName);
				if (!type.isAssignableFrom(field.getType()) || Modifier.isStatic(field.getModifiers())) {
					throw new NoSuchFieldException(name + " is a " + field.getType().getName());
				}
				field.setAccessible(true);
				return field;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				this.missing.add(name);
				return null;
			}
		}

		// a member that only saves work: when it is missing, nothing is turned off or reported
		@Nullable
		Field optionalField(String className, String fieldName, Class<?> type) {
			try {
				Class<?> owner = Class.forName(className, false, Undertow.class.getClassLoader());
				String name = name(owner, fieldName);
				if (this.hidden.test(name)) {
					return null;
				}
				Field field = owner.getDeclaredField(fieldName);
				if (!type.isAssignableFrom(field.getType()) || Modifier.isStatic(field.getModifiers())) {
					return null;
				}
				field.setAccessible(true);
				return field;
			}
			catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
				return null;
			}
		}

		/**
		 * A getter of an instance field. The owner's field of exactly the declared type is
		 * looked up by name and type first, which loads no class but the field's own,
		 * where reflection loads the type of every field the owner declares. Anything else
		 * is left to reflection, which decides as it always did: a field of the handle's
		 * return type or a subtype, declared by the owner, not static.
		 */
		@Nullable
		MethodHandle getter(Class<?> owner, String fieldName, Class<?> declaredType, MethodType as) {
			String name = name(owner, fieldName);
			if (!this.hidden.test(name)) {
				try {
					MethodHandles.Lookup owners = MethodHandles.privateLookupIn(owner, this.lookup);
					MethodHandle getter = owners.findGetter(owner, fieldName, declaredType);
					// findGetter also finds a field a superclass declares
					if (owners.revealDirect(getter).getDeclaringClass() == owner
							&& as.returnType().isAssignableFrom(declaredType)) {
						return getter.asType(as);
					}
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					// not the owner's field of that type, or not reachable this way: reflection decides
				}
			}
			return getter(field(owner, fieldName, as.returnType()), name, as);
		}

		@Nullable
		MethodHandle getter(@Nullable Field field, String name, MethodType as) {
			if (field == null) {
				return null;
			}
			try {
				return this.lookup.unreflectGetter(field).asType(as);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				this.missing.add(name);
				return null;
			}
		}

		@Nullable
		MethodHandle setter(@Nullable Field field, String name, MethodType as) {
			if (field == null) {
				return null;
			}
			try {
				return this.lookup.unreflectSetter(field).asType(as);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				this.missing.add(name);
				return null;
			}
		}

		/**
		 * An instance method. The owner's method of exactly the declared type is looked up
		 * first (see {@link #getter(Class, String, Class, MethodType)}); anything else is
		 * left to reflection, which accepts the owner's method of these parameter types
		 * with any return type the handle's type can take.
		 */
		@Nullable
		MethodHandle method(Class<?> owner, String methodName, MethodType declaredType, MethodType as) {
			Class<?>[] parameterTypes = declaredType.parameterArray();
			StringJoiner parameters = new StringJoiner(", ", name(owner, methodName) + "(", ")");
			for (Class<?> parameterType : parameterTypes) {
				parameters.add(parameterType.getSimpleName());
			}
			String name = parameters.toString();
			try {
				if (this.hidden.test(name)) {
					throw new NoSuchMethodException(name);
				}
				try {
					MethodHandles.Lookup owners = MethodHandles.privateLookupIn(owner, this.lookup);
					MethodHandle method = owners.findVirtual(owner, methodName, declaredType);
					// findVirtual also finds a method a superclass or an interface declares
					if (owners.revealDirect(method).getDeclaringClass() == owner) {
						return method.asType(as);
					}
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					// not the owner's method of that type, or not reachable this way: reflection decides
				}
				Method method = owner.getDeclaredMethod(methodName, parameterTypes);
				method.setAccessible(true);
				return this.lookup.unreflect(method).asType(as);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				this.missing.add(name);
				return null;
			}
		}

		// Undertow.ListenerInfo.channel, Http2Channel.sendConcurrentStreams
		private static String name(Class<?> owner, String member) {
			return owner.getName().substring(owner.getPackageName().length() + 1).replace('$', '.') + "." + member;
		}

	}

}
