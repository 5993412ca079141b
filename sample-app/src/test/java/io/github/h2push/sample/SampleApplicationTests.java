package io.github.h2push.sample;

import java.net.http.HttpClient;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.test.PushClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app over real TLS + HTTP/2 connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final String USER = "Basic dXNlcjpwYXNzd29yZA==";

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	@Autowired
	MeterRegistry meters;

	@Test
	void homePagePushesTheVersionedUrlsItReferences() {
		PushClient.Exchange page = client().get(url("/"), "Accept", "text/html", "Cookie", "session=secret");
		assertThat(page.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(page.response().body()).contains("<link rel=\"stylesheet\" href=\"" + Assets.CSS + "\">")
			.contains("<script src=\"" + Assets.JS + "\" defer></script>");
		assertThat(page.pushedPaths()).containsExactly(Assets.CSS, Assets.JS, "/img/logo.svg");
		assertThat(page.pushes()).allSatisfy((pushed) -> {
			assertThat(pushed.status()).isEqualTo(200);
			assertThat(pushed.promiseHeaders().getFirst("accept")).isEqualTo("text/html");
			assertThat(pushed.promiseHeaders().containsKey("cookie")).isFalse();
		});
		assertThat(page.pushes().get(0).body()).startsWith("/* h2-push sample site stylesheet */");
		assertThat(page.pushes().get(2).body()).contains("<svg");
		assertThat(page.response().headers().allValues("link")).as("the avatar is not offered to anonymous visitors")
			.isEmpty();
	}

	@Test
	void homePageOnlyHintsTheAvatarToASignedInUser() {
		PushClient.Exchange page = client().get(url("/"), "Authorization", USER);
		assertThat(page.response().body()).contains("src=\"/account/avatar.svg\"");
		assertThat(page.pushedPaths()).containsExactly(Assets.CSS, Assets.JS, "/img/logo.svg");
		assertThat(page.response().headers().allValues("link"))
			.containsExactly("</account/avatar.svg>; rel=preload; as=image");
	}

	@Test
	void linkedPagePushesThePreloadLinksItsControllerSets() {
		PushClient.Exchange page = client().get(url("/linked"), "Accept", "text/html");
		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).contains("<link rel=\"stylesheet\" href=\"" + Assets.CSS + "\">");
		assertThat(page.pushedPaths()).containsExactly(Assets.CSS, Assets.JS);
		assertThat(page.pushes().get(0).body()).startsWith("/* h2-push sample site stylesheet */");
		assertThat(page.response().headers().allValues("link"))
			.contains("</img/logo.svg>; rel=preload; as=image; nopush");
	}

	@Test
	void learnedPageIsPushedWhatItsHeadNamedOnTheFirstLoad() {
		PushClient.Exchange first = client().get(url("/learned"), "Accept", "text/html");
		assertThat(first.response().statusCode()).isEqualTo(200);
		PushClient.Exchange next = client().get(url("/learned"), "Accept", "text/html");
		assertThat(next.pushedPaths()).containsExactly(Assets.CSS, Assets.JS);
		PushClient.Exchange learned = client().get(url("/actuator/h2push/learned"), "Authorization", USER);
		assertThat(learned.response().statusCode()).isEqualTo(200);
		assertThat(learned.response().body()).contains("LearnedController#learned(")
			.contains("\"resources\":[\"<" + Assets.CSS + ">; rel=preload; as=style\",\"<" + Assets.JS
					+ ">; rel=preload; as=script\"]")
			.containsPattern("\"hits\":[1-9]");
	}

	@Test
	void aboutPagePushesProgrammaticallyButNotWhatTheConnectionHas() {
		assertThat(client().get(url("/about")).pushedPaths()).containsExactly(Assets.CSS, "/img/logo.svg");
		PushClient client = client();
		assertThat(client.get(url("/")).pushes()).hasSize(3);
		PushClient.Exchange about = client.get(url("/about"));
		assertThat(about.response().statusCode()).isEqualTo(200);
		assertThat(about.pushes()).isEmpty();
	}

	@Test
	void returningClientIsNotPushedWhatItsDigestLists() {
		PushClient.Exchange first = client().get(url("/"));
		String digest = first.response().headers().firstValue("set-cookie").orElseThrow();
		assertThat(digest).startsWith("h2push-digest=");
		PushClient.Exchange returning = client().get(url("/guide"), "Cookie", digest.substring(0, digest.indexOf(';')));
		assertThat(returning.response().statusCode()).isEqualTo(200);
		assertThat(returning.pushes()).isEmpty();
	}

	@Test
	void guidePagePushesWhatItsRouteDeclares() {
		PushClient.Exchange guide = client().get(url("/guide"));
		assertThat(guide.response().body()).contains("<h1>Guide</h1>");
		assertThat(guide.pushedPaths()).containsExactly(Assets.CSS, Assets.JS, "/img/logo.svg");
	}

	@Test
	void thinkPagePushesItsStylesheetScriptAndFontWhileTheControllerWorks() {
		PushClient.Exchange think = client().get(url("/think"));
		assertThat(think.response().statusCode()).isEqualTo(200);
		assertThat(think.response().body()).contains("url(\"/fonts/body.woff2\")");
		assertThat(think.pushedPaths()).containsExactly(Assets.CSS, Assets.JS, "/fonts/body.woff2");
		assertThat(think.pushes().get(2).headers().getFirst("content-type")).isEqualTo("font/woff2");
	}

	@Test
	void actuatorReportsPushesToSignedInUsers() {
		client().get(url("/"));
		PushClient client = client();
		PushClient.Exchange report = client.get(url("/actuator/h2push"), "Authorization", USER);
		assertThat(report.response().statusCode()).isEqualTo(200);
		assertThat(report.response().body())
			.contains("\"server\":{\"webServer\":\"Undertow\",\"tls\":true,\"http2\":true,"
					+ "\"developmentCertificate\":true,\"push\":true}")
			.contains("\"/guide\":[\"</css/site.css>; rel=preload; as=style\"")
			.contains("HomeController#home(Principal, Model)")
			.containsPattern("\"pushed\":[1-9]");
		PushClient.Exchange meter = client.get(url("/actuator/metrics/h2push.promises?tag=outcome:pushed"),
				"Authorization", USER);
		assertThat(meter.response().statusCode()).isEqualTo(200);
		assertThat(meter.response().body()).contains("\"name\":\"h2push.promises\"")
			.containsPattern("\"statistic\":\"COUNT\",\"value\":[1-9]");
		assertThat(client().get(url("/actuator/h2push")).response().statusCode()).isEqualTo(401);
	}

	@Test
	void accessChecksAreNotCountedAsTheApplicationsAuthorizations() {
		double authorizations = authorizations(null);
		double denials = authorizations("AccessDeniedException");
		assertThat(client().get(url("/")).pushes()).hasSize(3);
		assertThat(client().get(url("/"), "Authorization", USER).response().headers().allValues("link"))
			.containsExactly("</account/avatar.svg>; rel=preload; as=image");
		assertThat(authorizations(null) - authorizations).as("the two pages and at most their three pushes each")
			.isBetween(2.0, 8.0);
		assertThat(authorizations("AccessDeniedException")).as("no request was denied").isEqualTo(denials);
	}

	private double authorizations(String error) {
		return this.meters.find("spring.security.authorizations")
			.tags((error != null) ? Tags.of("error", error) : Tags.empty())
			.timers()
			.stream()
			.mapToDouble(Timer::count)
			.sum();
	}

	private PushClient client() {
		return PushClient.trusting(this.certificate);
	}

	private String url(String path) {
		return "https://localhost:" + this.port + path;
	}

}
