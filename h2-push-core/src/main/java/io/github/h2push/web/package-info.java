/**
 * The Spring MVC side: the handler interceptor that pushes a handler's plan before it
 * runs, and the filter that watches the application's own {@code Link} headers and
 * learns from the pages it serves.
 */
package io.github.h2push.web;
