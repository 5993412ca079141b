/**
 * The engine behind the {@link io.github.h2push.PushPromiseService}: plans computed once
 * at startup from declarations and routes, {@code Link} header parsing, learned hints,
 * the copied-header allowlist, the cache digest cookie, path validation and the one
 * navigation rule. Independent of any server and of Spring Boot.
 */
package io.github.h2push.engine;
