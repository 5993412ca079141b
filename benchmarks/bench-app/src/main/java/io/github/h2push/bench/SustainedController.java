package io.github.h2push.bench;

import java.nio.charset.StandardCharsets;

import io.github.h2push.PushPromiseService;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * P4: each load of {@code /sustained?n=N} pushes three resources no other load uses, so
 * per-connection de-duplication never applies; {@code X-Pushed} says how many were
 * pushed.
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
		for (int i = 0; i < PUSHES_PER_LOAD; i++) {
			if (this.pushPromiseService.push("/gen/" + n + "-" + i + ".css").isPushed()) {
				pushed++;
			}
		}
		return ResponseEntity.ok().header("X-Pushed", Integer.toString(pushed)).body(Pages.PLAIN);
	}

	@GetMapping(path = "/gen/{name}.css")
	ResponseEntity<byte[]> generated(@PathVariable String name) {
		return ResponseEntity.ok().contentType(MediaType.valueOf("text/css")).body(BODY);
	}

}
