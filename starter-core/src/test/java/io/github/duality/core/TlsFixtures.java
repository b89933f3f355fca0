package io.github.duality.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Certificate and key files in the formats the drivers do and do not share, written to a test's directory.
 */
final class TlsFixtures {

	/** A self-signed EC certificate, valid until 2126. */
	static final String CERTIFICATE_PEM = """
			-----BEGIN CERTIFICATE-----
			MIIBjDCCATGgAwIBAgIUHpVLQqQ0rMGuLSLsXo2WXefqgzkwCgYIKoZIzj0EAwIw
			GjEYMBYGA1UEAwwPZHVhbGl0eS10ZXN0LWNhMCAXDTI2MTEyMzE5MjI0N1oYDzIx
			MjYxMDMwMTkyMjQ3WjAaMRgwFgYDVQQDDA9kdWFsaXR5LXRlc3QtY2EwWTATBgcq
			hkjOPQIBBggqhkjOPQMBBwNCAARnDRU0+QltOSLp5l9zjvQdm+irfWjxiXTqOIeA
			Vg5CMRfPhogIcC5NZcppmVVCSgEowTGjRYR1CpMY7dgJ17+Po1MwUTAdBgNVHQ4E
			FgQUKBFgUT1dIVMWKLqoq1eqrZkZ9TEwHwYDVR0jBBgwFoAUKBFgUT1dIVMWKLqo
			q1eqrZkZ9TEwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA4iGc
			8Vr6GKQO6mkq5mSBKNud1xF3kZ2LoL8YNOdX/HACIQDaEHV58hWJ7Xrsbo2iXpif
			Xq8azqbQDA3QlU8zDCauKw==
			-----END CERTIFICATE-----
			""";

	private TlsFixtures() {
	}

	static String certificate(Path directory, String name) {
		return write(directory.resolve(name), CERTIFICATE_PEM.getBytes(StandardCharsets.US_ASCII));
	}

	static String derCertificate(Path directory, String name) {
		String base64 = CERTIFICATE_PEM.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return write(directory.resolve(name), Base64.getDecoder().decode(base64));
	}

	static String derKey(Path directory, String name) {
		return write(directory.resolve(name), pkcs8());
	}

	/** A home directory whose .postgresql/root.crt exists, as pgjdbc's default trust anchors. */
	static Path homeWithRootCertificate(Path directory) {
		try {
			Files.createDirectories(directory.resolve(".postgresql"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		certificate(directory.resolve(".postgresql"), "root.crt");
		return directory;
	}

	private static byte[] pkcs8() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(1024);
			return generator.generateKeyPair().getPrivate().getEncoded();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String write(Path file, byte[] content) {
		try {
			Files.write(file, content);
			return file.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
