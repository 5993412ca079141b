/**
 * Test support for h2-push: MockMvc matchers for pushes and hints, a capturing push
 * transport for test slices, and a real HTTP/2 test client.
 */
package io.github.h2push.test;
