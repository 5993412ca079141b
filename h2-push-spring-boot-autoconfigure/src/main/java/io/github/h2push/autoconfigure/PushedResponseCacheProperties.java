package io.github.h2push.autoconfigure;

import org.springframework.util.unit.DataSize;

/**
 * Pushed responses replayed from memory (Undertow).
 *
 * @since 0.1.0
 */
public class PushedResponseCacheProperties {

	/**
	 * Whether to keep pushed responses the application marked storable by a shared cache
	 * (Cache-Control with max-age or s-maxage, neither private, no-store nor no-cache,
	 * no Set-Cookie) and replay them for later pushes while fresh, without running the
	 * application, as a CDN in front of it would.
	 */
	private boolean enabled = true;

	/**
	 * Most memory the kept responses take in all.
	 */
	private DataSize maxSize = DataSize.ofMegabytes(8);

	/**
	 * Largest response body kept.
	 */
	private DataSize maxEntrySize = DataSize.ofKilobytes(256);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSize getMaxSize() {
		return this.maxSize;
	}

	public void setMaxSize(DataSize maxSize) {
		this.maxSize = maxSize;
	}

	public DataSize getMaxEntrySize() {
		return this.maxEntrySize;
	}

	public void setMaxEntrySize(DataSize maxEntrySize) {
		this.maxEntrySize = maxEntrySize;
	}

}
