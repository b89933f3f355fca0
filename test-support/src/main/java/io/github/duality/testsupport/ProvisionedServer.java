package io.github.duality.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A running server, reachable over TCP with TLS that a client can verify fully against {@code caCertificate}.
 *
 * @param provisioning how it was provisioned, for {@link TestPostgres#describe()}
 * @param host a host name the server certificate covers
 * @param port the TCP port
 * @param hostNotInCertificate an address of the same server that the certificate does not cover
 * @param superuserPassword the superuser's password, generated per run
 * @param caCertificate the PEM file of the CA that signed the server certificate
 * @param clientCertificates the CA the server checks client certificates against
 */
record ProvisionedServer(String provisioning, String host, int port, String hostNotInCertificate,
		String superuserPassword, Path caCertificate, ClientCertificates clientCertificates) {

	private static final Driver DRIVER = new org.postgresql.Driver();

	/**
	 * Open a connection as the superuser, verifying the server certificate.
	 * @param database the database to connect to
	 * @return a new connection
	 * @throws SQLException if the connection fails
	 */
	Connection connectAsSuperuser(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", ServerConfiguration.SUPERUSER);
		properties.setProperty("password", this.superuserPassword);
		properties.setProperty("sslmode", "verify-full");
		properties.setProperty("sslrootcert", this.caCertificate.toString());
		properties.setProperty("connectTimeout", "10");
		// lets tests that count sessions tell the fixture's own apart
		properties.setProperty("ApplicationName", "duality-test-support");
		String host = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return DRIVER.connect("jdbc:postgresql://" + host + ":" + this.port + "/" + database, properties);
	}

	@Override
	public String toString() {
		return this.provisioning + " at " + this.host + ":" + this.port;
	}

}
