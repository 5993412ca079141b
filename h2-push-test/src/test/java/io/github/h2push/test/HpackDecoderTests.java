package io.github.h2push.test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.undertow.protocols.http2.HPackHuffman;
import io.undertow.protocols.http2.HpackEncoder;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link HpackDecoder}: the examples of RFC 7541 and blocks written by
 * Undertow's encoder, which indexes and Huffman-codes.
 */
class HpackDecoderTests {

	@Test
	void decodesTheRequestsOfRfc7541AppendixC4WithHuffmanCodingOnOneConnection() {
		HpackDecoder decoder = new HpackDecoder();
		assertThat(decoder.decode(hex("828684418cf1e3c2e5f23a6ba0ab90f4ff"))).containsExactly(
				Map.entry(":method", "GET"), Map.entry(":scheme", "http"), Map.entry(":path", "/"),
				Map.entry(":authority", "www.example.com"));
		assertThat(decoder.decode(hex("828684be5886a8eb10649cbf"))).containsExactly(Map.entry(":method", "GET"),
				Map.entry(":scheme", "http"), Map.entry(":path", "/"), Map.entry(":authority", "www.example.com"),
				Map.entry("cache-control", "no-cache"));
		assertThat(decoder.decode(hex("828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf"))).containsExactly(
				Map.entry(":method", "GET"), Map.entry(":scheme", "https"), Map.entry(":path", "/index.html"),
				Map.entry(":authority", "www.example.com"), Map.entry("custom-key", "custom-value"));
	}

	@Test
	void decodesEveryOctetHuffmanCodedByUndertow() {
		ByteBuffer block = ByteBuffer.allocate(16384);
		List<Map.Entry<String, String>> expected = new ArrayList<>();
		for (char octet = 0; octet < 256; octet++) {
			// short codes around the octet, so that Undertow finds Huffman coding shorter
			String value = "aaaaaaaaaa" + octet + "0";
			// a literal field without indexing: a new name as it is, the value Huffman-coded
			block.put((byte) 0).put((byte) 1).put((byte) 'x');
			int start = block.position();
			assertThat(HPackHuffman.encode(block, value, false)).isTrue();
			assertThat(block.get(start) & 0x80).as("Huffman coded").isNotZero();
			expected.add(Map.entry("x", value));
		}
		assertThat(new HpackDecoder().decode(block.flip())).containsExactlyElementsOf(expected);
	}

	@Test
	void keepsItsDynamicTableInStepWithAnEncoderThatIndexesAndEvicts() {
		Random random = new Random(17);
		UndertowEncoder encoder = new UndertowEncoder(256);
		HpackDecoder decoder = new HpackDecoder();
		for (int block = 0; block < 200; block++) {
			HeaderMap headers = new HeaderMap();
			List<Map.Entry<String, String>> expected = new ArrayList<>();
			for (int field = 0; field < 1 + random.nextInt(6); field++) {
				String name = "x-h" + random.nextInt(12);
				String value = "v" + random.nextInt(5) + "-".repeat(random.nextInt(60));
				if (!headers.contains(name)) {
					headers.put(HttpString.tryFromString(name), value);
					expected.add(Map.entry(name, value));
				}
			}
			assertThat(decoder.decode(encode(encoder, headers))).as("block %d", block)
				.containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void rejectsAnIndexBeyondItsTables() {
		assertThatIllegalStateException().isThrownBy(() -> new HpackDecoder().decode(hex("be")))
			.withMessageContaining("index 62");
	}

	@Test
	void rejectsHuffmanPaddingThatIsNotAPrefixOfEos() {
		// a literal without indexing, name "a" (Huffman 00011 then padding 000)
		assertThatIllegalStateException().isThrownBy(() -> new HpackDecoder().decode(hex("0081180161")))
			.withMessageContaining("padding");
	}

	@Test
	void rejectsATableSizeUpdateOverTheLimit() {
		assertThatIllegalStateException().isThrownBy(() -> new HpackDecoder().decode(hex("3fe21f")))
			.withMessageContaining("over the limit");
	}

	private static ByteBuffer hex(String hex) {
		return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
	}

	private static ByteBuffer encode(UndertowEncoder encoder, HeaderMap headers) {
		ByteBuffer target = ByteBuffer.allocate(8192);
		assertThat(encoder.encode(headers, target)).isEqualTo(HpackEncoder.State.COMPLETE);
		return target.flip();
	}

	// Undertow's encoder, told to index and Huffman-code every field
	private static final class UndertowEncoder extends HpackEncoder {

		UndertowEncoder(int maxTableSize) {
			super(maxTableSize, new HpackHeaderFunction() {

				@Override
				public boolean shouldUseIndexing(HttpString header, String value) {
					return true;
				}

				@Override
				public boolean shouldUseHuffman(HttpString header, String value) {
					return true;
				}

				@Override
				public boolean shouldUseHuffman(HttpString header) {
					return true;
				}

			});
		}

	}

}
