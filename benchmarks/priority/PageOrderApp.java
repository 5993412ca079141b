import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushResources;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page of the priority experiment: a controller that takes a while, then a large HTML
 * response, with four declared resources (660 KB) that the 103 Early Hints start while
 * it works. Runs on whichever server is on the class path (see {@code run}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PageOrderApp.Pages.class)
public class PageOrderApp {

	public static void main(String[] args) {
		SpringApplication.run(PageOrderApp.class, args);
	}

	@RestController
	static class Pages {

		private static final Map<String, Integer> SIZES = Map.of("style.css", 60_000, "app.js", 150_000, "lib.js",
				150_000, "hero.jpg", 300_000);

		private static final Map<String, String> TYPES = Map.of("style.css", "text/css", "app.js",
				"text/javascript", "lib.js", "text/javascript", "hero.jpg", "image/jpeg");

		@GetMapping(path = "/page", produces = "text/html")
		@PushResources({ "/r/style.css", "/r/app.js", "/r/lib.js", "/r/hero.jpg" })
		void page(@RequestParam(name = "think", defaultValue = "100") long think,
				@RequestParam(name = "kb", defaultValue = "200") int kb, HttpServletResponse response)
				throws Exception {
			Thread.sleep(think);
			StringBuilder html = new StringBuilder("<!doctype html><link rel=stylesheet href=/r/style.css>"
					+ "<script src=/r/app.js></script><script src=/r/lib.js></script><img src=/r/hero.jpg>\n");
			while (html.length() < kb * 1000) {
				html.append("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.</p>\n");
			}
			write(response, "text/html", html.toString().getBytes(StandardCharsets.UTF_8));
		}

		@GetMapping("/r/{name}")
		void resource(@PathVariable("name") String name, HttpServletResponse response) throws Exception {
			Integer size = SIZES.get(name);
			if (size == null) {
				response.sendError(404);
				return;
			}
			byte[] body = new byte[size];
			Arrays.fill(body, (byte) 'x');
			response.setHeader("Cache-Control", "max-age=3600");
			write(response, TYPES.get(name), body);
		}

		private static void write(HttpServletResponse response, String type, byte[] body) throws Exception {
			response.setContentType(type);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

	}

}
