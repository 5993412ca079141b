/**
 * Auto-configuration of h2-push for Spring Boot 4: what the shared auto-configuration
 * cannot do on both Boot lines.
 */
package io.github.h2push.autoconfigure.boot4;
