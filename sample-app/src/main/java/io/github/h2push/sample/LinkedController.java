package io.github.h2push.sample;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * A page that declares nothing for h2-push: its controller sets preload {@code Link}
 * headers itself, with the versioned URLs the page references, as it would for any
 * server or CDN. h2-push pushes them to clients that take pushes; the logo's link is
 * marked {@code nopush}, so it is only ever hinted.
 */
@Controller
class LinkedController {

	private final ResourceUrlProvider resourceUrls;

	LinkedController(ResourceUrlProvider resourceUrls) {
		this.resourceUrls = resourceUrls;
	}

	@GetMapping("/linked")
	String linked(HttpServletResponse response) {
		response.addHeader(HttpHeaders.LINK, "<" + versioned("/css/site.css") + ">; rel=preload; as=style");
		response.addHeader(HttpHeaders.LINK, "<" + versioned("/js/app.js") + ">; rel=preload; as=script");
		response.addHeader(HttpHeaders.LINK, "</img/logo.svg>; rel=preload; as=image; nopush");
		return "linked";
	}

	private String versioned(String path) {
		String url = this.resourceUrls.getForLookupPath(path);
		return (url != null) ? url : path;
	}

}
