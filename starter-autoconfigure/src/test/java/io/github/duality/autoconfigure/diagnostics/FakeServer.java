package io.github.duality.autoconfigure.diagnostics;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A local socket that plays one part of a PostgreSQL server, for failures a real test server cannot be made to
 * produce on demand: the postmaster's refusals while it starts, stops or is full, a peer that closes the connection
 * at once (a container port whose server is not up yet), one that never answers, one without TLS.
 */
final class FakeServer implements Closeable {

	/** The password in {@link #url(String)}, which no output may show. */
	static final String PASSWORD = "s3cret-pw";

	private static final int SSL_REQUEST_CODE = 80877103;

	private final ServerSocket socket;

	private final List<Socket> openSockets = new ArrayList<>();

	private FakeServer(Behaviour behaviour) throws IOException {
		this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour);
	}

	/** A server that answers with the behaviour, or never accepts when it is {@code null}. */
	private FakeServer(ServerSocket socket, @Nullable Behaviour behaviour) {
		this.socket = socket;
		if (behaviour != null) {
			Thread thread = new Thread(() -> serve(behaviour), "fake-postgres-" + socket.getLocalPort());
			thread.setDaemon(true);
			thread.start();
		}
	}

	/**
	 * Declines TLS ({@code N}), reads the startup message and sends a FATAL error, as the postmaster does.
	 * @param sqlState the error's SQLSTATE
	 * @param message the server's message, as PostgreSQL words it
	 */
	static FakeServer sendingError(String sqlState, String message) throws IOException {
		return new FakeServer((client) -> {
			DataInputStream in = new DataInputStream(client.getInputStream());
			OutputStream out = client.getOutputStream();
			readStartupDecliningTls(in, out);
			out.write(errorResponse(sqlState, message));
			out.flush();
			client.close();
		});
	}

	/** Declines TLS ({@code N}) and stops there, as a server with {@code ssl = off}. */
	static FakeServer decliningTls() throws IOException {
		return new FakeServer((client) -> {
			DataInputStream in = new DataInputStream(client.getInputStream());
			readStartupDecliningTls(in, client.getOutputStream());
		});
	}

	/** Accepts the TCP connection and closes it before a word. */
	static FakeServer closingAtOnce() throws IOException {
		return new FakeServer(Socket::close);
	}

	/** Accepts the TCP connection and never answers. */
	static FakeServer neverAnswering() throws IOException {
		return new FakeServer((client) -> {
		});
	}

	/**
	 * Never accepts, with its backlog full: the kernel drops further connection requests, and a client's connect
	 * times out as behind a firewall that drops packets.
	 */
	static FakeServer notAccepting() throws IOException {
		ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		FakeServer server = new FakeServer(socket, null);
		for (int filler = 0; filler < 8; filler++) {
			Socket client = new Socket();
			try {
				client.connect(socket.getLocalSocketAddress(), 200);
				synchronized (server.openSockets) {
					server.openSockets.add(client);
				}
			}
			catch (SocketTimeoutException ex) {
				client.close();
				return server;
			}
		}
		server.close();
		throw new IllegalStateException("The backlog of a server that never accepts did not fill up");
	}

	int port() {
		return this.socket.getLocalPort();
	}

	/** A URL to this server, with the given query parameters. */
	String url(String parameters) {
		return "postgres://app:" + PASSWORD + "@127.0.0.1:" + port() + "/shop?" + parameters;
	}

	private void serve(Behaviour behaviour) {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				synchronized (this.openSockets) {
					this.openSockets.add(client);
				}
				behaviour.answer(client);
			}
			catch (IOException ex) {
				// closed, or the client gave up: the next accept tells which
			}
		}
	}

	/** Reads an optional SSLRequest (answering {@code N}) and then the startup message. */
	private static void readStartupDecliningTls(DataInputStream in, OutputStream out) throws IOException {
		while (true) {
			int length = in.readInt();
			byte[] body = new byte[length - 4];
			in.readFully(body);
			if (length == 8 && ByteBuffer.wrap(body).getInt() == SSL_REQUEST_CODE) {
				out.write('N');
				out.flush();
				continue;
			}
			return;
		}
	}

	/** An ErrorResponse message with severity FATAL, the SQLSTATE and the message. */
	private static byte[] errorResponse(String sqlState, String message) {
		List<byte[]> fields = List.of(field('S', "FATAL"), field('V', "FATAL"), field('C', sqlState),
				field('M', message));
		int length = 4 + fields.stream().mapToInt((field) -> field.length).sum() + 1;
		ByteBuffer buffer = ByteBuffer.allocate(1 + length);
		buffer.put((byte) 'E').putInt(length);
		fields.forEach(buffer::put);
		buffer.put((byte) 0);
		return buffer.array();
	}

	private static byte[] field(char type, String value) {
		byte[] text = value.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(text.length + 2).put((byte) type).put(text).put((byte) 0).array();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		synchronized (this.openSockets) {
			for (Socket open : this.openSockets) {
				open.close();
			}
		}
	}

	@FunctionalInterface
	private interface Behaviour {

		void answer(Socket client) throws IOException;

	}

}
