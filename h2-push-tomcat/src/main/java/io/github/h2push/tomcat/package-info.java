/**
 * The Tomcat adapter: {@code 103 Early Hints} that carry only h2-push's {@code Link}
 * headers, on Tomcat 10.1 and 11, which cannot push.
 */
package io.github.h2push.tomcat;
