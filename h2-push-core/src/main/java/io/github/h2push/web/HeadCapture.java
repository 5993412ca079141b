package io.github.h2push.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * The first bytes (or characters) of a response body, up to a limit, copied as they
 * are written; HTML's markup and URLs are ASCII.
 */
final class HeadCapture {

	private final int limit;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final StringBuilder chars = new StringBuilder();

	HeadCapture(int limit) {
		this.limit = limit;
	}

	void bytes(byte[] b, int off, int len) {
		int room = this.limit - this.bytes.size();
		if (room > 0) {
			this.bytes.write(b, off, Math.min(room, len));
		}
	}

	void chars(char[] c, int off, int len) {
		int room = this.limit - this.chars.length();
		if (room > 0) {
			this.chars.append(c, off, Math.min(room, len));
		}
	}

	void chars(String s, int off, int len) {
		int room = this.limit - this.chars.length();
		if (room > 0) {
			this.chars.append(s, off, off + Math.min(room, len));
		}
	}

	// the body written so far was discarded (resetBuffer, reset): so is its copy
	void clear() {
		this.bytes.reset();
		this.chars.setLength(0);
	}

	boolean isFull() {
		return this.bytes.size() >= this.limit;
	}

	String text() {
		return (this.chars.length() > 0) ? this.chars.toString()
				: this.bytes.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * A response's output stream that copies what is written into a capture.
	 */
	static final class CapturingOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		private final HeadCapture capture;

		CapturingOutputStream(ServletOutputStream delegate, HeadCapture capture) {
			this.delegate = delegate;
			this.capture = capture;
		}

		@Override
		public void write(int b) throws IOException {
			if (!this.capture.isFull()) {
				this.capture.bytes(new byte[] { (byte) b }, 0, 1);
			}
			this.delegate.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.capture.bytes(b, off, len);
			this.delegate.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
			this.delegate.setWriteListener(writeListener);
		}

	}

	/**
	 * A response's writer that copies what is written into a capture. It writes straight
	 * to the response's own writer, so that {@link #checkError()} reports that writer's
	 * errors, such as a client that went away.
	 */
	static final class CapturingWriter extends PrintWriter {

		private final HeadCapture capture;

		CapturingWriter(PrintWriter delegate, HeadCapture capture) {
			super(delegate);
			this.capture = capture;
		}

		@Override
		public void write(int c) {
			this.capture.chars(new char[] { (char) c }, 0, 1);
			super.write(c);
		}

		@Override
		public void write(char[] buf, int off, int len) {
			this.capture.chars(buf, off, len);
			super.write(buf, off, len);
		}

		@Override
		public void write(String s, int off, int len) {
			this.capture.chars(s, off, len);
			super.write(s, off, len);
		}

		// println() writes its line separator to the delegate, past write(String)
		@Override
		public void println() {
			String separator = System.lineSeparator();
			this.capture.chars(separator, 0, separator.length());
			super.println();
		}

	}

}
