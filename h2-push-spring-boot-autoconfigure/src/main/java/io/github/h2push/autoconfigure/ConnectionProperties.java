package io.github.h2push.autoconfigure;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * What one client may take from the server over its connection: the limits that protect
 * Undertow's HTTP/2, which h2-push turns on.
 *
 * @since 0.1.0
 */
public class ConnectionProperties {

	/**
	 * Most pushed responses one HTTP/2 connection may have promised or running at once,
	 * each holding a worker thread while it writes; further pushes get preload links. As
	 * many as one page may push by default, so a page's own pushes are not limited.
	 */
	private int maxPushedResponsesInFlight = 10;

	/**
	 * How long a pushed response may run before its stream is reset and its worker
	 * thread released, for example when the client gives it no flow-control window.
	 */
	private Duration pushedResponseTimeout = Duration.ofSeconds(10);

	/**
	 * Most requests an HTTP/2 client may reset before they are answered within
	 * client-reset-window before its connection is closed with GOAWAY (rapid reset,
	 * CVE-2023-44487); 0 for no limit.
	 */
	private int maxClientResets = 200;

	/**
	 * The window in which max-client-resets are counted.
	 */
	private Duration clientResetWindow = Duration.ofSeconds(30);

	/**
	 * Write timeout of Undertow's connections (the WRITE_TIMEOUT socket option) unless
	 * server.undertow.options.socket.WRITE_TIMEOUT is set: an HTTP/2 stream whose data
	 * waits that long for the client's flow-control window is reset, releasing the worker
	 * thread writing it, and a connection that accepts no data for that long is closed.
	 * 0 leaves it unset (Undertow's default: streams wait 10 minutes). It applies to
	 * every connection, HTTP/1.1 too, like nginx's send_timeout of 60 seconds.
	 */
	private Duration writeTimeout = Duration.ofSeconds(60);

	/**
	 * Most streams an HTTP/2 client may have open at once: advertised as
	 * SETTINGS_MAX_CONCURRENT_STREAMS unless
	 * server.undertow.options.server.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS is set, and
	 * enforced either way (a stream beyond it is refused with REFUSED_STREAM before it
	 * runs). 0 advertises no limit.
	 */
	private int maxConcurrentStreams = 100;

	/**
	 * Most requests of one HTTP/2 connection, pushed ones included, running at once on
	 * the threads that run the application; further requests wait, holding no thread,
	 * until one of them ends. 0 for no limit.
	 */
	private int maxRunningRequests = 8;

	/**
	 * Least data per second an HTTP/2 response whose data waits for the client's
	 * flow-control window must go out at, measured over send-rate-interval; a slower
	 * response is reset and the thread writing it released. 0 for no minimum.
	 */
	private DataSize minSendRate = DataSize.ofKilobytes(1);

	/**
	 * How often the send rate of an HTTP/2 response is measured.
	 */
	private Duration sendRateInterval = Duration.ofSeconds(10);

	public int getMaxPushedResponsesInFlight() {
		return this.maxPushedResponsesInFlight;
	}

	public void setMaxPushedResponsesInFlight(int maxPushedResponsesInFlight) {
		this.maxPushedResponsesInFlight = maxPushedResponsesInFlight;
	}

	public Duration getPushedResponseTimeout() {
		return this.pushedResponseTimeout;
	}

	public void setPushedResponseTimeout(Duration pushedResponseTimeout) {
		this.pushedResponseTimeout = pushedResponseTimeout;
	}

	public int getMaxClientResets() {
		return this.maxClientResets;
	}

	public void setMaxClientResets(int maxClientResets) {
		this.maxClientResets = maxClientResets;
	}

	public Duration getClientResetWindow() {
		return this.clientResetWindow;
	}

	public void setClientResetWindow(Duration clientResetWindow) {
		this.clientResetWindow = clientResetWindow;
	}

	public Duration getWriteTimeout() {
		return this.writeTimeout;
	}

	public void setWriteTimeout(Duration writeTimeout) {
		this.writeTimeout = writeTimeout;
	}

	public int getMaxConcurrentStreams() {
		return this.maxConcurrentStreams;
	}

	public void setMaxConcurrentStreams(int maxConcurrentStreams) {
		this.maxConcurrentStreams = maxConcurrentStreams;
	}

	public int getMaxRunningRequests() {
		return this.maxRunningRequests;
	}

	public void setMaxRunningRequests(int maxRunningRequests) {
		this.maxRunningRequests = maxRunningRequests;
	}

	public DataSize getMinSendRate() {
		return this.minSendRate;
	}

	public void setMinSendRate(DataSize minSendRate) {
		this.minSendRate = minSendRate;
	}

	public Duration getSendRateInterval() {
		return this.sendRateInterval;
	}

	public void setSendRateInterval(Duration sendRateInterval) {
		this.sendRateInterval = sendRateInterval;
	}

}
