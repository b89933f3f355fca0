package io.github.duality.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * One TLS handshake with the material a derived pgjdbc target presents, made only to learn why a server refused it.
 * Under TLS 1.3 a server judges the client certificate after the client considers the handshake done, so pgjdbc
 * writes its startup message into a closed connection and reports a broken pipe; reading first, as this probe does,
 * receives the server's alert, which names the reason ({@code unknown_ca}, {@code certificate_expired}, ...).
 */
public final class TlsHandshakeProbe {

	/** PostgreSQL's SSLRequest: length 8, code 80877103. */
	private static final byte[] SSL_REQUEST = { 0, 0, 0, 8, 4, (byte) 0xd2, 0x16, 0x2f };

	private TlsHandshakeProbe() {
	}

	/**
	 * The server's TLS alert, if it refuses the handshake or the client certificate.
	 * @param info the target's pgjdbc properties, whose {@code sslfactoryarg} names the registered material
	 * @param directNegotiation whether TLS starts at once (PostgreSQL 17 {@code sslnegotiation=direct})
	 * @param timeout how long to wait to connect and for the server's verdict; an accepted certificate leaves the
	 * server waiting for the startup message, so this is also what the probe costs when nothing is wrong
	 * @return the alert as the JDK words it, or empty when the server accepted the handshake or did not answer
	 */
	public static Optional<String> serverAlert(String host, int port, Properties info, boolean directNegotiation,
			Duration timeout) {
		int millis = (int) timeout.toMillis();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), millis);
			socket.setSoTimeout(millis);
			if (!directNegotiation) {
				OutputStream out = socket.getOutputStream();
				out.write(SSL_REQUEST);
				out.flush();
				if (socket.getInputStream().read() != 'S') {
					return Optional.empty();
				}
			}
			try (SSLSocket tls = (SSLSocket) new JdbcSslSocketFactory(info).createSocket(socket, host, port, true)) {
				tls.startHandshake();
				InputStream in = tls.getInputStream();
				in.read();
				return Optional.empty();
			}
		}
		catch (SSLException ex) {
			return Optional.ofNullable(ex.getMessage());
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			// nothing answered, or no verdict in time: the probe knows no more than the failure did
			return Optional.empty();
		}
	}

}
