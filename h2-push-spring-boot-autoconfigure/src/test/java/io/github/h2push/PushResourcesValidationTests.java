package io.github.h2push;

import java.util.stream.Stream;

import io.github.h2push.autoconfigure.H2PushAutoConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad {@link PushResources} value fails startup with a message naming
 * the handler method and the value.
 */
class PushResourcesValidationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(H2PushAutoConfiguration.class, WebMvcAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class));

	static Stream<Arguments> badDeclarations() {
		return Stream.of(
				Arguments.of(AbsoluteUrl.class, "'https://localhost:8443/css/site.css'", "is an absolute URL"),
				Arguments.of(AnotherHost.class, "'http://evil.example/css/site.css'", "is an absolute URL"),
				Arguments.of(SchemeRelative.class, "'//evil.example/css/site.css'", "is scheme-relative"),
				Arguments.of(DotDotSegment.class, "'/css/../application.properties'", "contains a '..' segment"),
				Arguments.of(EncodedDotDotSegment.class, "'/css/%2e%2e/secret'", "contains a '%2e%2e' segment"),
				Arguments.of(CarriageReturnLineFeed.class, "'/css/site.css\\r\\nSet-Cookie: a=b'",
						"contains a control character (CR)"),
				Arguments.of(ControlCharacter.class, "'/css/\\u0001.css'", "contains a control character (0x01)"),
				Arguments.of(Empty.class, "''", "is empty"),
				Arguments.of(Relative.class, "'css/site.css'", "must start with '/'"),
				Arguments.of(UnresolvablePlaceholder.class, "'${missing.asset}'",
						"has a placeholder that cannot be resolved"),
				Arguments.of(ResolvesToBadValue.class, "'${bad.asset}' (resolved to '//evil.example/x.js') on",
						"is scheme-relative"),
				Arguments.of(NonAscii.class, "'/css/caf\u00e9.css'", "contains a non-ASCII character"),
				Arguments.of(BadDestination.class, "'stylesheet'", "is not a preload destination"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badDeclarations")
	void failsStartupNamingTheMethodAndValue(Class<?> controller, String value, String problem) {
		this.contextRunner.withUserConfiguration(controller)
			.withPropertyValues("bad.asset=//evil.example/x.js")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Invalid @PushResources value " + value)
				.hasMessageContaining(controller.getName() + "#page()")
				.hasMessageContaining(problem));
	}

	@RestController
	static class AbsoluteUrl {

		@GetMapping("/")
		@PushResources("https://localhost:8443/css/site.css")
		String page() {
			return "page";
		}

	}

	@RestController
	static class AnotherHost {

		@GetMapping("/")
		@PushResources("http://evil.example/css/site.css")
		String page() {
			return "page";
		}

	}

	@RestController
	static class SchemeRelative {

		@GetMapping("/")
		@PushResources("//evil.example/css/site.css")
		String page() {
			return "page";
		}

	}

	@RestController
	static class DotDotSegment {

		@GetMapping("/")
		@PushResources("/css/../application.properties")
		String page() {
			return "page";
		}

	}

	@RestController
	static class EncodedDotDotSegment {

		@GetMapping("/")
		@PushResources("/css/%2e%2e/secret")
		String page() {
			return "page";
		}

	}

	@RestController
	static class CarriageReturnLineFeed {

		@GetMapping("/")
		@PushResources("/css/site.css\r\nSet-Cookie: a=b")
		String page() {
			return "page";
		}

	}

	@RestController
	static class ControlCharacter {

		@GetMapping("/")
		@PushResources("/css/\u0001.css")
		String page() {
			return "page";
		}

	}

	@RestController
	static class Empty {

		@GetMapping("/")
		@PushResources("")
		String page() {
			return "page";
		}

	}

	@RestController
	static class Relative {

		@GetMapping("/")
		@PushResources("css/site.css")
		String page() {
			return "page";
		}

	}

	@RestController
	static class UnresolvablePlaceholder {

		@GetMapping("/")
		@PushResources("${missing.asset}")
		String page() {
			return "page";
		}

	}

	@RestController
	static class ResolvesToBadValue {

		@GetMapping("/")
		@PushResources("${bad.asset}")
		String page() {
			return "page";
		}

	}

	@RestController
	static class NonAscii {

		@GetMapping("/")
		@PushResources("/css/caf\u00e9.css")
		String page() {
			return "page";
		}

	}

	@RestController
	static class BadDestination {

		@GetMapping("/")
		@PushResources(resources = @PushResource(value = "/css/site.css", as = "stylesheet"))
		String page() {
			return "page";
		}

	}

}
