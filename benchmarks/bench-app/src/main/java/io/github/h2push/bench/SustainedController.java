package io.github.h2push.bench;

import java.nio.charset.StandardCharsets;

import io.github.h2push.PushPromiseService;
import io.github.h2push.PushResult;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * P4: each load of {@code /sustained?n=N} pushes three resources no other load uses, so
 * per-connection de-duplication never applies; {@code X-Pushed} says how many were
 * pushed, {@code X-Not-Pushed} why the others were not.
 */
@RestController
class SustainedController {

	static final int PUSHES_PER_LOAD = 3;

	private static final byte[] BODY = "/* generated */\n".repeat(64).getBytes(StandardCharsets.US_ASCII);

	private final PushPromiseService pushPromiseService;

	SustainedController(PushPromiseService pushPromiseService) {
		this.pushPromiseService = pushPromiseService;
	}

	@GetMapping(path = "/sustained", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> sustained(@RequestParam long n) {
		int pushed = 0;
		StringBuilder notPushed = new StringBuilder();
		for (int i = 0; i < PUSHES_PER_LOAD; i++) {
			PushResult result = this.pushPromiseService.push("/gen/" + n + "-" + i + ".css");
			if (result.isPushed()) {
				pushed++;
			}
			else {
				notPushed.append((notPushed.length() > 0) ? "; " : "").append(result.outcome()).append(' ')
					.append(result.reason());
			}
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Pushed", Integer.toString(pushed));
		if (notPushed.length() > 0) {
			response.header("X-Not-Pushed", notPushed.toString());
		}
		return response.body(Pages.PLAIN);
	}

	@GetMapping(path = "/gen/{name}.css")
	ResponseEntity<byte[]> generated(@PathVariable String name) {
		return ResponseEntity.ok().contentType(MediaType.valueOf("text/css")).body(BODY);
	}

}
