package io.github.duality.core.rules;

import java.io.InputStream;

/**
 * A certificate file's bytes as the stream {@code CertificateFactory} reads. The JDK's X.509 factory reads PEM one
 * byte at a time, and {@code ByteArrayInputStream.read()} takes a lock for each byte: profiled, that lock was half
 * the cost of checking a root certificate. The factory parses exactly the same bytes either way.
 */
final class CertificateBytes extends InputStream {

	private final byte[] content;

	private int position;

	CertificateBytes(byte[] content) {
		this.content = content;
	}

	@Override
	public int read() {
		return (this.position < this.content.length) ? this.content[this.position++] & 0xff : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (this.position >= this.content.length) {
			return -1;
		}
		int count = Math.min(length, this.content.length - this.position);
		System.arraycopy(this.content, this.position, buffer, offset, count);
		this.position += count;
		return count;
	}

	@Override
	public int available() {
		return this.content.length - this.position;
	}

}
