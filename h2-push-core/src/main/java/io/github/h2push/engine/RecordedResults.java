package io.github.h2push.engine;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

import io.github.h2push.PushPromiseService;
import io.github.h2push.PushResult;

import org.springframework.lang.Nullable;

/**
 * The results recorded on a request ({@link PushPromiseService#RESULTS_ATTRIBUTE}), in
 * order, read-only. Most requests record one call's results, which are kept as they
 * are instead of copied: the read-only list of the first call, and the others' results
 * after it.
 */
final class RecordedResults extends AbstractList<PushResult> implements RandomAccess {

	private final List<PushResult> first;

	@Nullable
	private List<PushResult> more;

	RecordedResults(List<PushResult> first) {
		this.first = first;
	}

	void append(List<PushResult> results) {
		if (this.more == null) {
			this.more = new ArrayList<>(results);
		}
		else {
			this.more.addAll(results);
		}
	}

	@Override
	public PushResult get(int index) {
		int firsts = this.first.size();
		if (index < firsts || this.more == null) {
			return this.first.get(index);
		}
		return this.more.get(index - firsts);
	}

	@Override
	public int size() {
		return this.first.size() + ((this.more != null) ? this.more.size() : 0);
	}

}
