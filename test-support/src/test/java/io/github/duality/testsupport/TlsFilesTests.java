package io.github.duality.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsFiles}.
 */
class TlsFilesTests {

	@TempDir
	Path directory;

	@Test
	void serverCertificateIsSignedByTheCaAndNamesOnlyTheLocalNames() throws Exception {
		TlsFiles files = TlsFiles.generate(this.directory, List.of());
		X509Certificate ca = read(files.caCertificate());
		X509Certificate server = read(files.serverCertificate());
		server.verify(ca.getPublicKey());
		assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
		assertThat(alternativeNames(server)).containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(server.getBasicConstraints()).isEqualTo(-1);
	}

	@Test
	void extraNamesAreAddedOnce() throws Exception {
		TlsFiles files = TlsFiles.generate(this.directory, List.of("localhost", "192.168.99.100", "docker"));
		assertThat(alternativeNames(read(files.serverCertificate()))).containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "192.168.99.100", "docker");
	}

	@Test
	void privateKeyIsPkcs8PemReadableByItsOwnerOnly() throws IOException {
		TlsFiles files = TlsFiles.generate(this.directory, List.of());
		assertThat(Files.readString(files.serverKey())).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.serverKey())))
			.isEqualTo("rw-------");
	}

	private static List<String> alternativeNames(X509Certificate certificate) throws CertificateParsingException {
		return certificate.getSubjectAlternativeNames().stream().map((name) -> (String) name.get(1)).toList();
	}

	private static X509Certificate read(Path pem) throws IOException, GeneralSecurityException {
		try (InputStream input = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(input);
		}
	}

}
