package io.github.duality.testsupport;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A CA's certificate and private key, kept in memory for the run to issue certificates with.
 *
 * @param certificate the CA certificate
 * @param key its private key
 */
record CertificateAuthority(X509Certificate certificate, PrivateKey key) {

}
