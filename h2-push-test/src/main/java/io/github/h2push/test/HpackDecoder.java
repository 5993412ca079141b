package io.github.h2push.test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * An HPACK decoder (RFC 7541) for the header blocks of one connection, in arrival order:
 * indexed fields, literals with and without indexing, dynamic table size updates and
 * Huffman-coded strings. Names and values are read as ISO-8859-1, as HTTP/2 sends them.
 */
final class HpackDecoder {

	private static final String[][] STATIC_TABLE = { { ":authority", "" }, { ":method", "GET" },
			{ ":method", "POST" }, { ":path", "/" }, { ":path", "/index.html" }, { ":scheme", "http" },
			{ ":scheme", "https" }, { ":status", "200" }, { ":status", "204" }, { ":status", "206" },
			{ ":status", "304" }, { ":status", "400" }, { ":status", "404" }, { ":status", "500" },
			{ "accept-charset", "" }, { "accept-encoding", "gzip, deflate" }, { "accept-language", "" },
			{ "accept-ranges", "" }, { "accept", "" }, { "access-control-allow-origin", "" }, { "age", "" },
			{ "allow", "" }, { "authorization", "" }, { "cache-control", "" }, { "content-disposition", "" },
			{ "content-encoding", "" }, { "content-language", "" }, { "content-length", "" },
			{ "content-location", "" }, { "content-range", "" }, { "content-type", "" }, { "cookie", "" },
			{ "date", "" }, { "etag", "" }, { "expect", "" }, { "expires", "" }, { "from", "" }, { "host", "" },
			{ "if-match", "" }, { "if-modified-since", "" }, { "if-none-match", "" }, { "if-range", "" },
			{ "if-unmodified-since", "" }, { "last-modified", "" }, { "link", "" }, { "location", "" },
			{ "max-forwards", "" }, { "proxy-authenticate", "" }, { "proxy-authorization", "" }, { "range", "" },
			{ "referer", "" }, { "refresh", "" }, { "retry-after", "" }, { "server", "" }, { "set-cookie", "" },
			{ "strict-transport-security", "" }, { "transfer-encoding", "" }, { "user-agent", "" }, { "vary", "" },
			{ "via", "" }, { "www-authenticate", "" } };

	// RFC 7541 Appendix B: the code length of each symbol; the code is canonical, so the
	// lengths alone define it (codes of one length are consecutive, in symbol order)
	private static final int[] HUFFMAN_CODE_LENGTHS = { 13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28,
			28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28, 6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8,
			11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10, 13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
			7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6, 15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6,
			7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28, 20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23,
			24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24, 22, 21, 20, 22, 22, 23, 23, 21, 23,
			22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23, 26, 26, 20, 19,
			22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27,
			27, 20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28,
			27, 27, 27, 27, 27, 26, 30 };

	private static final int EOS = 256;

	private static final int MAX_CODE_LENGTH = 30;

	// how many symbols have each code length, and the symbols sorted by (length, symbol)
	private static final int[] COUNTS = new int[MAX_CODE_LENGTH + 1];

	private static final int[] SYMBOLS = new int[HUFFMAN_CODE_LENGTHS.length];

	static {
		for (int length : HUFFMAN_CODE_LENGTHS) {
			COUNTS[length]++;
		}
		int next = 0;
		for (int length = 1; length <= MAX_CODE_LENGTH; length++) {
			for (int symbol = 0; symbol < HUFFMAN_CODE_LENGTHS.length; symbol++) {
				if (HUFFMAN_CODE_LENGTHS[symbol] == length) {
					SYMBOLS[next++] = symbol;
				}
			}
		}
	}

	// newest entry first
	private final Deque<String[]> dynamicTable = new ArrayDeque<>();

	private final int maxTableSizeLimit;

	private int maxTableSize;

	private int tableSize;

	/**
	 * A decoder whose peer may use up to the default table size of 4096 octets.
	 */
	HpackDecoder() {
		this(4096);
	}

	HpackDecoder(int maxTableSizeLimit) {
		this.maxTableSizeLimit = maxTableSizeLimit;
		this.maxTableSize = maxTableSizeLimit;
	}

	/**
	 * Decodes one complete header block.
	 * @param block the block
	 * @return the fields, in order
	 * @throws IllegalStateException if the block is malformed
	 */
	List<Map.Entry<String, String>> decode(ByteBuffer block) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		boolean fieldSeen = false;
		while (block.hasRemaining()) {
			int first = block.get(block.position()) & 0xff;
			if ((first & 0x80) != 0) {
				String[] field = field(integer(block, 7));
				fields.add(Map.entry(field[0], field[1]));
			}
			else if ((first & 0x40) != 0) {
				String[] field = literal(block, 6);
				add(field);
				fields.add(Map.entry(field[0], field[1]));
			}
			else if ((first & 0x20) != 0) {
				check(!fieldSeen, "a dynamic table size update after a header field");
				int size = integer(block, 5);
				check(size <= this.maxTableSizeLimit, "a table size of " + size + " over the limit");
				this.maxTableSize = size;
				evict(0);
				continue;
			}
			else {
				String[] field = literal(block, 4);
				fields.add(Map.entry(field[0], field[1]));
			}
			fieldSeen = true;
		}
		return fields;
	}

	private String[] literal(ByteBuffer block, int prefix) {
		int index = integer(block, prefix);
		String name = (index != 0) ? field(index)[0] : string(block);
		return new String[] { name, string(block) };
	}

	private String[] field(int index) {
		check(index > 0, "index 0");
		if (index <= STATIC_TABLE.length) {
			return STATIC_TABLE[index - 1];
		}
		int dynamic = index - STATIC_TABLE.length - 1;
		check(dynamic < this.dynamicTable.size(), "index " + index + " beyond the tables");
		return this.dynamicTable.stream().skip(dynamic).findFirst().orElseThrow();
	}

	private void add(String[] field) {
		int size = size(field);
		evict(size);
		if (size <= this.maxTableSize) {
			this.dynamicTable.addFirst(field);
			this.tableSize += size;
		}
	}

	private void evict(int room) {
		while (!this.dynamicTable.isEmpty() && this.tableSize + room > this.maxTableSize) {
			this.tableSize -= size(this.dynamicTable.removeLast());
		}
	}

	private static int size(String[] field) {
		return field[0].length() + field[1].length() + 32;
	}

	private static int integer(ByteBuffer block, int prefix) {
		int mask = (1 << prefix) - 1;
		int value = block.get() & mask;
		if (value < mask) {
			return value;
		}
		int shift = 0;
		int octet;
		do {
			check(block.hasRemaining(), "an integer cut short");
			octet = block.get() & 0xff;
			check(shift <= 21, "an integer too large");
			value += (octet & 0x7f) << shift;
			shift += 7;
		}
		while ((octet & 0x80) != 0);
		return value;
	}

	private static String string(ByteBuffer block) {
		check(block.hasRemaining(), "a string length missing");
		boolean huffman = (block.get(block.position()) & 0x80) != 0;
		int length = integer(block, 7);
		check(length <= block.remaining(), "a string longer than the block");
		byte[] octets = new byte[length];
		block.get(octets);
		return huffman ? huffman(octets) : new String(octets, StandardCharsets.ISO_8859_1);
	}

	// canonical Huffman decoding, a bit at a time
	private static String huffman(byte[] octets) {
		StringBuilder decoded = new StringBuilder();
		int code = 0;
		int first = 0;
		int index = 0;
		int length = 0;
		boolean onlyOnes = true;
		for (byte octet : octets) {
			for (int bit = 7; bit >= 0; bit--) {
				int value = (octet >> bit) & 1;
				onlyOnes &= value == 1;
				code |= value;
				length++;
				int count = COUNTS[length];
				if (code - count < first) {
					int symbol = SYMBOLS[index + (code - first)];
					check(symbol != EOS, "EOS inside a Huffman-coded string");
					decoded.append((char) symbol);
					code = 0;
					first = 0;
					index = 0;
					length = 0;
					onlyOnes = true;
					continue;
				}
				check(length < MAX_CODE_LENGTH, "an invalid Huffman code");
				index += count;
				first = (first + count) << 1;
				code <<= 1;
			}
		}
		check(length < 8 && onlyOnes, "Huffman padding that is not a prefix of EOS");
		return decoded.toString();
	}

	private static void check(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalStateException("Malformed HPACK header block: " + problem);
		}
	}

}
