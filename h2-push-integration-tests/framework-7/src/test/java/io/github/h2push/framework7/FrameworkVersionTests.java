package io.github.h2push.framework7;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;

import org.springframework.core.SpringVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests of h2-push-core that this module runs do run on Spring Framework 7, Spring
 * Security 7 and Servlet 6.1, not on the versions the core was compiled against.
 */
class FrameworkVersionTests {

	@Test
	void runsOnSpringFramework7() {
		assertThat(SpringVersion.getVersion()).startsWith("7.");
	}

	@Test
	void runsOnSpringSecurity7() {
		assertThat(SpringSecurityCoreVersion.getVersion()).startsWith("7.");
	}

	@Test
	void runsOnServlet61() throws Exception {
		assertThat(ServletContext.class.getMethod("getMajorVersion")).isNotNull();
		assertThat(Class.forName("jakarta.servlet.http.HttpServletResponse").getMethod("sendRedirect", String.class,
				int.class, boolean.class))
			.isNotNull();
	}

}
