/**
 * What a server adapter implements to push and send early hints for the requests of its
 * server: a {@link io.github.h2push.spi.PushTransport} that opens one
 * {@link io.github.h2push.spi.PushChannel} per request.
 */
package io.github.h2push.spi;
