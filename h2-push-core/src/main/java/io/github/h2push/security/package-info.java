/**
 * Access rules from Spring Security: nothing is offered that the current user may not
 * fetch.
 */
package io.github.h2push.security;
