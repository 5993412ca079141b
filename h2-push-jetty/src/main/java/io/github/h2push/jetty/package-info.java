/**
 * The Jetty 12 adapter: {@code 103 Early Hints} that carry only h2-push's {@code Link}
 * headers, through Jetty's interim-response API.
 */
package io.github.h2push.jetty;
