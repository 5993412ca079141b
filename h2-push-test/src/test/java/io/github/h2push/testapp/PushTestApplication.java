package io.github.h2push.testapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.github.h2push.PushPromiseService;
import io.github.h2push.PushResources;
import io.github.h2push.PushResult;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A small application for the integration tests: an annotated page, a programmatic
 * push, a page whose own Link headers name its resources, and a page without pushes.
 */
@SpringBootApplication
public class PushTestApplication {

	/**
	 * Size of /big.txt: more than a client's initial stream window, so its push cannot
	 * complete before a client's reset arrives.
	 */
	public static final int BIG_SIZE = 256 * 1024;

	/**
	 * Size of /huge.txt: more than the socket buffers between server and client hold, so
	 * its push is still being written while a client reads slowly.
	 */
	public static final int HUGE_SIZE = 8 * 1024 * 1024;

	/**
	 * How long /slow.css takes.
	 */
	public static final long SLOW_MILLIS = 1500;

	@RestController
	@PushResources("/css/site.css")
	static class PageController {

		@GetMapping("/page")
		@PushResources({ "/js/app.js", "/css/site.css" })
		String page() {
			return "<html>page</html>";
		}

	}

	@RestController
	static class LinkedController {

		// a Link header from the response, and more from a ResponseEntity: a same-origin
		// absolute URL, a link marked nopush and a link to another origin
		@GetMapping("/linked")
		ResponseEntity<String> linked(HttpServletResponse response) {
			response.addHeader("Link", "</css/site.css>; rel=preload; as=style, </docs.html>; rel=preload; nopush");
			String script = ServletUriComponentsBuilder.fromCurrentContextPath().path("/js/app.js").toUriString();
			return ResponseEntity.ok()
				.header("Link", "<" + script + ">; rel=\"preload\"; as=script",
						"<https://cdn.example/lib.js>; rel=preload; as=script")
				.body("<html>linked</html>");
		}

		@GetMapping("/linked-and-declared")
		@PushResources({ "/css/site.css", "/js/app.js" })
		String linkedAndDeclared(HttpServletResponse response) {
			response.addHeader("Link", "</docs.html>; rel=preload, </css/site.css>; rel=preload");
			return "<html>both</html>";
		}

	}

	@RestController
	static class LearnedController {

		static final String HEAD = "<!DOCTYPE html><html><head><title>learned</title>"
				+ "<link rel=\"stylesheet\" href=\"/css/site.css\"><script src=\"/js/app.js\"></script>"
				+ "<script async src=\"/js/async.js\"></script><link rel=stylesheet href=\"https://cdn.example/x.css\">"
				+ "</head><body><img src=\"/img/late.png\">";

		// a stylesheet the page's template adds, changed by tests as a new release would
		private volatile String stylesheet = "";

		// reflects a request parameter into its head, as a page must not teach
		@GetMapping(path = "/learned-page", produces = MediaType.TEXT_HTML_VALUE)
		String learnedPage(@RequestParam(defaultValue = "") String extra) {
			return HEAD.replace("</head>", link(this.stylesheet) + link(extra) + "</head>") + "page</body></html>";
		}

		@GetMapping(path = "/learned-error", produces = MediaType.TEXT_HTML_VALUE)
		ResponseEntity<String> learnedError() {
			return ResponseEntity.internalServerError().body(HEAD + "failed</body></html>");
		}

		// one user's page, as far as caches are concerned
		@GetMapping(path = "/learned-private", produces = MediaType.TEXT_HTML_VALUE)
		ResponseEntity<String> learnedPrivate() {
			return ResponseEntity.ok().header("Cache-Control", "private").body(HEAD + "mine</body></html>");
		}

		// a capability URL: whoever has the link sees the share and its cover
		@GetMapping(path = "/s/{id}", produces = MediaType.TEXT_HTML_VALUE)
		String share(@PathVariable String id) {
			return "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/css/site.css\">"
					+ "<link rel=\"preload\" as=\"image\" href=\"/s/" + id + "/cover.jpg\"></head><body>share</body></html>";
		}

		// reflects a parameter and a header into its head
		@GetMapping(path = "/theme", produces = MediaType.TEXT_HTML_VALUE)
		String theme(@RequestParam(defaultValue = "") String t, @RequestParam(defaultValue = "") String next,
				@RequestHeader(name = "Accept-Language", defaultValue = "") String language) {
			return "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/css/site.css\">"
					+ (t.isEmpty() ? "" : link("/themes/" + t + ".css"))
					+ (language.isEmpty() ? "" : link("/themes/" + language + ".css"))
					+ (next.isEmpty() ? "" : "<link rel=\"preload\" as=\"fetch\" href=\"" + next + "\">")
					+ "</head><body>theme</body></html>";
		}

		// a page personalised from a cookie session, without a principal on the request
		@GetMapping(path = "/profile", produces = MediaType.TEXT_HTML_VALUE)
		String profile(HttpServletRequest request) {
			HttpSession session = request.getSession(false);
			Object user = (session != null) ? session.getAttribute("user") : null;
			return "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/css/site.css\">"
					+ ((user != null) ? link("/u/" + user + "/theme.css") : "") + "</head><body>profile</body></html>";
		}

		void setStylesheet(String stylesheet) {
			this.stylesheet = stylesheet;
		}

		private static String link(String stylesheet) {
			return stylesheet.isEmpty() ? "" : "<link rel=\"stylesheet\" href=\"" + stylesheet + "\">";
		}

	}

	@RestController
	static class OtherController {

		private final PushPromiseService pushPromiseService;

		OtherController(PushPromiseService pushPromiseService) {
			this.pushPromiseService = pushPromiseService;
		}

		@GetMapping("/programmatic")
		String programmatic(@RequestParam String path, @RequestParam(defaultValue = "0") int repeat) {
			PushResult result = this.pushPromiseService.push((repeat > 0) ? "/" + path.repeat(repeat) : path);
			return result.outcome().name();
		}

		@GetMapping("/nested")
		@PushResources("/js/app.js")
		String nested() {
			return "nested";
		}

		@GetMapping("/pushes-nested")
		@PushResources("/nested")
		String pushesNested() {
			return "outer";
		}

		@GetMapping("/plain")
		String plain() {
			return "plain";
		}

		// what Spring Security's firewall reads, and getRequestURL()
		@GetMapping("/server-name")
		@PushResources("/css/site.css")
		String serverName(HttpServletRequest request) {
			return request.getServerName();
		}

		@GetMapping("/big-page")
		@PushResources("/big.txt")
		String bigPage() {
			return "big page";
		}

		@GetMapping("/huge-page")
		@PushResources("/huge.txt")
		String hugePage() {
			return "huge page";
		}

		// a page whose controller takes its time, as one that waits for a database does
		@GetMapping("/thinking-page")
		@PushResources({ "/css/site.css", "/js/app.js" })
		String thinkingPage() throws InterruptedException {
			Thread.sleep(40);
			return "thinking page";
		}

		@GetMapping("/slow-page")
		@PushResources("/slow.css")
		String slowPage() {
			return "slow page";
		}

		@GetMapping("/faulty")
		@PushResources({ "/missing.css", "/failing.css", "/slow.css", "/css/site.css" })
		String faulty() {
			return "faulty";
		}

		@GetMapping("/failing.css")
		ResponseEntity<String> failing() {
			return ResponseEntity.internalServerError().body("failed");
		}

		@GetMapping("/slow.css")
		String slow() throws InterruptedException {
			Thread.sleep(SLOW_MILLIS);
			return "body { }";
		}

		@GetMapping("/big.txt")
		String big() {
			return "0123456789abcdef".repeat(BIG_SIZE / 16);
		}

		@GetMapping("/huge.txt")
		String huge() {
			return "0123456789abcdef".repeat(HUGE_SIZE / 16);
		}

	}

}
