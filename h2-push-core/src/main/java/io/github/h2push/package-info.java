/**
 * h2-push: HTTP/2 server push and {@code 103 Early Hints} for Spring MVC. This package
 * holds what applications type: {@link io.github.h2push.PushResources @PushResources},
 * the {@link io.github.h2push.PushPromiseService}, the results and their outcomes and
 * reasons, and the listener and access-policy callbacks.
 */
package io.github.h2push;
