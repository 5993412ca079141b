package io.github.h2push.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.util.Assert;

/**
 * Early hints learned from what pages send, per handler method or route
 * ({@code h2-push.learn.*}): the preload links and render-blocking head resources of a
 * page's successful HTML responses, offered on later navigations to the same handler
 * like declared resources. Bounded in routes, resources per route and bytes in total;
 * a plan is replaced when a later sampled response names other resources and forgotten
 * when it names none. After a route has a plan, only one navigation in
 * {@code sampleEvery} is read again.
 *
 * @since 0.1.0
 */
public class LearnedHints {

	/**
	 * The request attribute naming the key a response should be learned for; set by the
	 * interceptor on the requests to sample.
	 */
	public static final String KEY_ATTRIBUTE = LearnedHints.class.getName() + ".key";

	/**
	 * The request attribute holding the {@code List<String>} of paths a response taught,
	 * for tests.
	 */
	public static final String LEARNED_ATTRIBUTE = LearnedHints.class.getName() + ".learned";

	// what a link costs besides its path and destination: the entry, the record, the strings
	private static final int OVERHEAD = 64;

	private final int maxRoutes;

	private final int maxResourcesPerRoute;

	private final long maxBytes;

	private final int sampleEvery;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private long bytes;

	/**
	 * Creates an empty store.
	 * @param maxRoutes the most routes with a plan
	 * @param maxResourcesPerRoute the most resources in one plan; further ones are left
	 * out
	 * @param maxBytes the most bytes all plans take together, estimated
	 * @param sampleEvery how many navigations to a route with a plan make one sampled
	 */
	public LearnedHints(int maxRoutes, int maxResourcesPerRoute, long maxBytes, int sampleEvery) {
		Assert.isTrue(maxRoutes >= 0 && maxResourcesPerRoute >= 0 && maxBytes >= 0,
				"limits must not be negative");
		Assert.isTrue(sampleEvery >= 1, "'sampleEvery' must be at least 1");
		this.maxRoutes = maxRoutes;
		this.maxResourcesPerRoute = maxResourcesPerRoute;
		this.maxBytes = maxBytes;
		this.sampleEvery = sampleEvery;
	}

	/**
	 * The learned plan of a route, counted as a hit when there is one.
	 * @param key the handler method or route
	 * @return the plan, {@link PushPlan#EMPTY} when none was learned
	 */
	public PushPlan planFor(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null || entry.plan.isEmpty()) {
			return PushPlan.EMPTY;
		}
		entry.hits.increment();
		return entry.plan;
	}

	/**
	 * Whether the response to this navigation should be read: always while the route
	 * has no plan and there is room for one, then once every {@code sampleEvery}
	 * navigations.
	 * @param key the handler method or route
	 * @return {@code true} to read the response
	 */
	public boolean wantsSample(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return this.entries.size() < this.maxRoutes;
		}
		return entry.navigations.incrementAndGet() % this.sampleEvery == 0;
	}

	/**
	 * Learns the resources a successful HTML response to a navigation named; the
	 * route's plan becomes these resources (up to the per-route limit), or is forgotten
	 * when there are none. A new plan that does not fit the limits is not kept.
	 * @param key the handler method or route
	 * @param links the resources, in the order the page names them
	 * @return the resources now planned for the route
	 */
	public synchronized List<PreloadLink> learn(String key, List<PreloadLink> links) {
		List<PreloadLink> kept = (links.size() > this.maxResourcesPerRoute)
				? List.copyOf(links.subList(0, this.maxResourcesPerRoute)) : List.copyOf(links);
		Entry existing = this.entries.get(key);
		if (existing != null && existing.plan.resources().equals(kept)) {
			return kept;
		}
		long oldSize = (existing != null) ? existing.size : 0;
		// a route that teaches nothing keeps an empty plan, so that it is read once every
		// sampleEvery navigations like any other, not on each
		long size = sizeOf(key, kept);
		boolean room = (existing != null || this.entries.size() < this.maxRoutes)
				&& this.bytes - oldSize + size <= this.maxBytes;
		if (!room) {
			return (existing != null) ? existing.plan.resources() : List.of();
		}
		Entry entry = new Entry(new PushPlan(kept), size);
		if (existing != null) {
			entry.hits.add(existing.hits.sum());
			entry.updates.set(existing.updates.get() + 1);
		}
		this.entries.put(key, entry);
		this.bytes += size - oldSize;
		return kept;
	}

	/**
	 * Forgets every learned plan.
	 */
	public synchronized void clear() {
		this.entries.clear();
		this.bytes = 0;
	}

	/**
	 * The learned plans, keyed by handler method or route.
	 * @return a snapshot of the plans with their hit counts
	 */
	public Map<String, LearnedPlan> getPlans() {
		Map<String, LearnedPlan> plans = new LinkedHashMap<>();
		this.entries.forEach((key, entry) -> {
			if (!entry.plan.isEmpty()) {
				plans.put(key, new LearnedPlan(entry.plan.resources().stream().map(PreloadLink::headerValue).toList(),
						entry.hits.sum(), entry.updates.get()));
			}
		});
		return plans;
	}

	/**
	 * The estimated bytes all plans take.
	 * @return the bytes
	 */
	public synchronized long getBytes() {
		return this.bytes;
	}

	private static long sizeOf(String key, List<PreloadLink> links) {
		long size = 2L * key.length() + OVERHEAD;
		for (PreloadLink link : links) {
			size += 2L * (link.path().length() + link.as().length()) + OVERHEAD;
		}
		return size;
	}

	/**
	 * A learned plan as the Actuator endpoint reports it.
	 *
	 * @param resources the resources, as preload link values
	 * @param hits how many navigations it was offered to
	 * @param updates how many times it was replaced by a different one
	 */
	public record LearnedPlan(List<String> resources, long hits, long updates) {
	}

	private static final class Entry {

		private final PushPlan plan;

		private final long size;

		private final LongAdder hits = new LongAdder();

		private final AtomicLong navigations = new AtomicLong();

		private final AtomicLong updates = new AtomicLong();

		Entry(PushPlan plan, long size) {
			this.plan = plan;
			this.size = size;
		}

	}

}
