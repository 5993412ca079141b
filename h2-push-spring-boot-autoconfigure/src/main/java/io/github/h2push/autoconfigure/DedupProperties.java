package io.github.h2push.autoconfigure;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Not pushing what the client has.
 *
 * @since 0.1.0
 */
public class DedupProperties {

	/**
	 * Most pushed paths remembered per connection, least recently pushed dropped
	 * first; a remembered path is not pushed again on that connection. 0 pushes
	 * every time.
	 */
	private int perConnection = 256;

	@NestedConfigurationProperty
	private final CacheDigestProperties cacheDigest = new CacheDigestProperties();

	public int getPerConnection() {
		return this.perConnection;
	}

	public void setPerConnection(int perConnection) {
		this.perConnection = perConnection;
	}

	public CacheDigestProperties getCacheDigest() {
		return this.cacheDigest;
	}

}
