package io.github.duality.core.tls;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The few DER structures needed to read a traditional (PKCS#1 or SEC1) key as the PKCS#8 key Java reads: wrapping
 * it with its algorithm, and finding an EC key's curve.
 */
final class Der {

	private static final int SEQUENCE = 0x30;

	private static final int INTEGER = 0x02;

	private static final int OCTET_STRING = 0x04;

	private static final int CONTEXT_0 = 0xa0;

	/** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1), with its NULL parameters. */
	private static final byte[] RSA_ALGORITHM = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
			(byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

	/** The OID of id-ecPublicKey (1.2.840.10045.2.1), tag and length included. */
	private static final byte[] EC_PUBLIC_KEY = { 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01 };

	private Der() {
	}

	/** A PKCS#1 RSAPrivateKey as a PKCS#8 PrivateKeyInfo. */
	static byte[] pkcs8FromRsa(byte[] pkcs1) {
		return privateKeyInfo(RSA_ALGORITHM, pkcs1);
	}

	/**
	 * A SEC1 ECPrivateKey as a PKCS#8 PrivateKeyInfo. openssl writes the curve into the key; where it is left out,
	 * the certificate's public key names it.
	 * @param certificateKey the certificate's public key, as X.509 SubjectPublicKeyInfo
	 */
	static byte[] pkcs8FromEc(byte[] sec1, byte[] certificateKey) {
		byte @Nullable [] curve = curveOf(sec1);
		if (curve == null) {
			Reader publicKeyInfo = new Reader(certificateKey, 0);
			Reader algorithm = new Reader(certificateKey, publicKeyInfo.contentStart());
			return privateKeyInfo(Arrays.copyOfRange(certificateKey, algorithm.start, algorithm.end()), sec1);
		}
		return privateKeyInfo(encode(SEQUENCE, concat(EC_PUBLIC_KEY, curve)), sec1);
	}

	private static byte[] privateKeyInfo(byte[] algorithm, byte[] key) {
		return encode(SEQUENCE, concat(new byte[] { INTEGER, 0x01, 0x00 }, algorithm, encode(OCTET_STRING, key)));
	}

	/** The curve OID in a SEC1 key's [0] parameters, tag and length included. */
	private static byte @Nullable [] curveOf(byte[] sec1) {
		Reader outer = new Reader(sec1, 0);
		if (outer.tag() != SEQUENCE) {
			return null;
		}
		int offset = outer.contentStart();
		while (offset < outer.end()) {
			Reader element = new Reader(sec1, offset);
			if (element.tag() == CONTEXT_0) {
				Reader oid = new Reader(sec1, element.contentStart());
				return Arrays.copyOfRange(sec1, oid.start, oid.end());
			}
			offset = element.end();
		}
		return null;
	}

	private static byte[] encode(int tag, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
			out.write(0x80 | bytes);
			for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
				out.write(length >>> shift);
			}
		}
		out.writeBytes(content);
		return out.toByteArray();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** One DER element's header, read at an offset. */
	private static final class Reader {

		private final byte[] bytes;

		private final int start;

		private final int contentStart;

		private final int length;

		Reader(byte[] bytes, int start) {
			this.bytes = bytes;
			this.start = start;
			int first = bytes[start + 1] & 0xff;
			if (first < 0x80) {
				this.length = first;
				this.contentStart = start + 2;
			}
			else {
				int count = first & 0x7f;
				int value = 0;
				for (int i = 0; i < count; i++) {
					value = (value << 8) | (bytes[start + 2 + i] & 0xff);
				}
				this.length = value;
				this.contentStart = start + 2 + count;
			}
			if (this.contentStart + this.length > bytes.length || this.length < 0) {
				throw new IllegalArgumentException("truncated DER");
			}
		}

		int tag() {
			return this.bytes[this.start] & 0xff;
		}

		int contentStart() {
			return this.contentStart;
		}

		int end() {
			return this.contentStart + this.length;
		}

	}

}
