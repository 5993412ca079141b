/**
 * Auto-configuration of h2-push for Spring Boot 3.5: wiring and the {@code h2-push.*}
 * properties.
 */
package io.github.h2push.autoconfigure;
