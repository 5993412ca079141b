package io.github.h2push.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.zip.CRC32;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A digest of the resources pushed to a client, kept in a cookie, so that a returning
 * client is not pushed what it has cached (the idea of H2O's CASPer). The digest is a
 * Bloom filter of {@value #BITS} bits with {@value #HASHES} hashes: the cookie value is
 * always 86 characters, whatever was pushed. A false positive costs a push (the browser
 * then fetches the resource itself); when more than half the bits are set the digest
 * starts afresh with just the latest paths, so the digest a client holds has at most
 * half its bits set (unless one request pushes more than 64 resources) and a
 * false-positive rate of at most about 6%.
 *
 * @since 0.1.0
 */
public class CacheDigestCookie {

	static final int BITS = 512;

	static final int HASHES = 4;

	private static final String UPDATED_ATTRIBUTE = CacheDigestCookie.class.getName() + ".updated";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final String name;

	private final Duration maxAge;

	/**
	 * Creates a digest cookie.
	 * @param name the cookie name
	 * @param maxAge how long a client keeps the cookie; match it to the cache lifetime
	 * of the pushed resources
	 */
	public CacheDigestCookie(String name, Duration maxAge) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(maxAge, "'maxAge' must not be null");
		this.name = name;
		this.maxAge = maxAge;
	}

	/**
	 * The digest the client sent, or the one already updated for this request.
	 * @param request the request
	 * @return its digest, empty when it sent none or a malformed one
	 */
	public BitSet read(HttpServletRequest request) {
		Object updated = request.getAttribute(UPDATED_ATTRIBUTE);
		if (updated instanceof BitSet digest) {
			return digest;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (this.name.equals(cookie.getName())) {
					return decode(cookie.getValue());
				}
			}
		}
		return new BitSet(BITS);
	}

	/**
	 * Whether the digest lists a path.
	 * @param digest the digest
	 * @param path the path
	 * @return {@code true} if the path is (probably) in the digest
	 */
	public static boolean contains(BitSet digest, String path) {
		int[] bits = bitsOf(path);
		for (int bit : bits) {
			if (!digest.get(bit)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Adds paths to a digest and sends the result to the client. When a request pushes
	 * more than once, each cookie sent holds everything pushed so far.
	 * @param request the request
	 * @param response the uncommitted response
	 * @param digest the digest read from the request
	 * @param paths the paths pushed for this request
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, BitSet digest,
			Collection<String> paths) {
		BitSet updated = (BitSet) digest.clone();
		add(updated, paths);
		if (updated.cardinality() > BITS / 2) {
			updated.clear();
			add(updated, paths);
		}
		// a later push in the same request sends the union: the browser keeps the last
		request.setAttribute(UPDATED_ATTRIBUTE, updated);
		String path = StringUtils.hasLength(request.getContextPath()) ? request.getContextPath() : "/";
		ResponseCookie cookie = ResponseCookie.from(this.name, encode(updated))
			.path(path)
			.maxAge(this.maxAge)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private static void add(BitSet digest, Collection<String> paths) {
		for (String path : paths) {
			for (int bit : bitsOf(path)) {
				digest.set(bit);
			}
		}
	}

	static String encode(BitSet digest) {
		byte[] bytes = new byte[BITS / 8];
		byte[] set = digest.toByteArray();
		System.arraycopy(set, 0, bytes, 0, Math.min(set.length, bytes.length));
		return ENCODER.encodeToString(bytes);
	}

	static BitSet decode(@Nullable String value) {
		if (value == null || value.length() != (BITS / 8 * 4 + 2) / 3) {
			return new BitSet(BITS);
		}
		try {
			return BitSet.valueOf(DECODER.decode(value));
		}
		catch (IllegalArgumentException ex) {
			return new BitSet(BITS);
		}
	}

	private static int[] bitsOf(String path) {
		byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
		CRC32 crc = new CRC32();
		crc.update(bytes);
		int first = (int) crc.getValue();
		int second = path.hashCode() * 0x9E3779B9 | 1;
		int[] bits = new int[HASHES];
		for (int i = 0; i < HASHES; i++) {
			bits[i] = Math.floorMod(first + i * second, BITS);
		}
		return bits;
	}

}
