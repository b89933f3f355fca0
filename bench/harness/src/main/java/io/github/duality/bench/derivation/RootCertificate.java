package io.github.duality.bench.derivation;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real PEM root certificate for the URLs to name: {@code derive} reads and parses the file, as the app does at
 * startup, so the benchmark pays that too.
 */
final class RootCertificate {

	private RootCertificate() {
	}

	static Path write(Path directory) throws IOException, GeneralSecurityException, OperatorCreationException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair keys = generator.generateKeyPair();
		X500Name name = new X500Name("CN=Duality benchmark CA");
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
		}
		return Files.writeString(directory.resolve("root.crt"), pem.toString());
	}

}
