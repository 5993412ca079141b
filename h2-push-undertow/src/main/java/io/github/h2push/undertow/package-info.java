/**
 * The Undertow adapter: server push with Undertow's push-slot leak worked around,
 * {@code 103 Early Hints} over HTTP/2, HTML-first frame order, and the limits that
 * protect the server from hostile HTTP/2 clients. Every Undertow-specific type of
 * h2-push lives here.
 */
package io.github.h2push.undertow;
