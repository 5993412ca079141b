package io.github.h2push.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.h2push.engine.LearnedHints;
import io.github.h2push.engine.PreloadLink;
import io.github.h2push.engine.PushPlan;
import io.github.h2push.engine.PushPlans;
import io.github.h2push.engine.PushRoutes;
import io.github.h2push.engine.PushStatistics;
import io.github.h2push.engine.ResponseTimes;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.lang.Nullable;

/**
 * The {@code h2push} Actuator endpoint: which server runs and whether TLS, HTTP/2 and
 * push are really on (read from the running server), the effective configuration, the
 * plan of each annotated handler method and configured route, and since startup the
 * count of each outcome, of each category of reason for not pushing, and of pushed
 * streams the client reset.
 *
 * @since 0.1.0
 */
@Endpoint(id = "h2push")
public class H2PushEndpoint {

	private final RunningServer server;

	private final Map<String, Object> configuration;

	private final PushPlans plans;

	private final PushRoutes routes;

	private final PushStatistics statistics;

	@Nullable
	private LearnedHints learnedHints;

	@Nullable
	private ResponseTimes responseTimes;

	@Nullable
	private Supplier<Map<String, Object>> pushedResponseCache;

	/**
	 * Creates the endpoint.
	 * @param server what the running server does
	 * @param configuration the effective {@code h2-push.*} configuration
	 * @param plans the handler-method plans
	 * @param routes the configured routes
	 * @param statistics the counts
	 */
	public H2PushEndpoint(RunningServer server, Map<String, Object> configuration, PushPlans plans, PushRoutes routes,
			PushStatistics statistics) {
		this.server = server;
		this.configuration = configuration;
		this.plans = plans;
		this.routes = routes;
		this.statistics = statistics;
	}

	/**
	 * Reads the report.
	 * @return the report
	 */
	@ReadOperation
	public H2PushDescriptor h2push() {
		return new H2PushDescriptor(this.server.getFacts(), this.configuration, describe(this.plans.getPlans()),
				describe(this.routes.getPlans()), this.statistics.counts(), this.statistics.refusals(),
				this.statistics.resets());
	}

	/**
	 * Sets the learned hints to report ({@code h2-push.learn.enabled}).
	 * @param learnedHints the learned hints, or {@code null} when not learning
	 */
	public void setLearnedHints(@Nullable LearnedHints learnedHints) {
		this.learnedHints = learnedHints;
	}

	/**
	 * Sets the response times that decide which routes are sent a {@code 103}.
	 * @param responseTimes the response times, or {@code null} to report none
	 */
	public void setResponseTimes(@Nullable ResponseTimes responseTimes) {
		this.responseTimes = responseTimes;
	}

	/**
	 * Sets what describes the cache of pushed responses.
	 * @param pushedResponseCache a description of the cache, or {@code null} when there
	 * is none
	 */
	public void setPushedResponseCache(@Nullable Supplier<Map<String, Object>> pushedResponseCache) {
		this.pushedResponseCache = pushedResponseCache;
	}

	/**
	 * Reads one section of the report ({@code /actuator/h2push/{section}}):
	 * {@code server}, {@code configuration}, {@code plans}, {@code routes},
	 * {@code counts}, {@code refusals} or {@code resets}, as in {@link #h2push()}; or
	 * {@code learned}, the resources learned for each handler method or route, with how
	 * many navigations each was offered to (empty when not learning); or
	 * {@code response-times}, each measured route's average response time and whether
	 * it is sent a {@code 103 Early Hints}; or {@code pushed-response-cache}, the responses,
	 * bytes, hits, misses and stores of the cache of pushed responses (empty without
	 * one).
	 * @param section the name of the section
	 * @return the section, or {@code null} (404) for a name that is not one
	 */
	@ReadOperation
	@Nullable
	public Object section(@Selector String section) {
		return switch (section) {
			case "server" -> this.server.getFacts();
			case "configuration" -> this.configuration;
			case "plans" -> describe(this.plans.getPlans());
			case "routes" -> describe(this.routes.getPlans());
			case "counts" -> this.statistics.counts();
			case "refusals" -> this.statistics.refusals();
			case "resets" -> Map.of("resets", this.statistics.resets());
			case "learned" -> (this.learnedHints != null) ? this.learnedHints.getPlans() : Map.of();
			case "response-times" -> (this.responseTimes != null) ? this.responseTimes.describe() : Map.of();
			case "pushed-response-cache" -> (this.pushedResponseCache != null) ? this.pushedResponseCache.get()
					: Map.of();
			default -> null;
		};
	}

	private static Map<String, List<String>> describe(Map<String, PushPlan> plans) {
		Map<String, List<String>> described = new LinkedHashMap<>();
		plans.forEach((name, plan) -> described.put(name,
				plan.resources().stream().map(PreloadLink::headerValue).toList()));
		return described;
	}

	/**
	 * The endpoint's report.
	 *
	 * @param server what the running server does
	 * @param configuration the effective configuration
	 * @param plans the resources of each annotated handler method, as preload link
	 * values
	 * @param routes the resources of each configured route pattern
	 * @param counts the count of each outcome since startup
	 * @param refusals the count of each category of reason for not pushing since
	 * startup
	 * @param resets how many pushed streams the client reset (counted as pushed too)
	 */
	public record H2PushDescriptor(RunningServer.Facts server, Map<String, Object> configuration,
			Map<String, List<String>> plans, Map<String, List<String>> routes, Map<String, Long> counts,
			Map<String, Long> refusals, long resets) implements OperationResponseBody {
	}

}
