/**
 * The {@code h2push} Actuator endpoint and the Micrometer meters of push outcomes.
 */
package io.github.h2push.actuate;
