package io.github.duality.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's PgBouncer in front of a {@link TestPostgres}, as poolers run in production: TLS on both sides (its own
 * CA and certificate towards clients, the server's certificate verified towards the server), scram-sha-256 for the
 * application role, a pool mode of the test's choice. On loopback only; stopped by {@link #close()} or at JVM exit.
 */
public final class TestPgBouncer implements AutoCloseable {

	/** How PgBouncer hands server sessions to clients. */
	public enum PoolMode {

		/** A server session for each client's whole connection. */
		SESSION,

		/** A server session for each transaction: what Neon, Supabase's port 6543 and most PgBouncers run. */
		TRANSACTION

	}

	private static final String HOST = "127.0.0.1";

	private static final String ADMIN = "pgbouncer_admin";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private final Path directory = Directories.createTemporary();

	private final String adminPassword = ServerConfiguration.randomPassword();

	private final TestPostgres postgres;

	private final int port;

	private final TlsFiles tls;

	private final Process process;

	private TestPgBouncer(TestPostgres postgres, PoolMode mode, Path binary) throws IOException {
		this.postgres = postgres;
		this.tls = TlsFiles.generate(this.directory.resolve("tls"), List.of());
		this.port = freePort();
		Path config = writeConfiguration(mode);
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// PgBouncer refuses to run as root: as the PostgreSQL server itself, the postgres account runs it
			handOver(serverAccount());
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.addAll(List.of(binary.toString(), config.toString()));
		this.process = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("pgbouncer.out").toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this::close, "duality-pgbouncer-stop"));
		awaitListening();
	}

	/**
	 * Start a PgBouncer in front of {@code postgres}, for every database of it.
	 * @param postgres the server
	 * @param mode the pool mode
	 * @return the running pooler
	 * @throws org.opentest4j.TestAbortedException (the test is skipped) when PgBouncer is not installed, before
	 * anything starts; see {@link Peer#executable()}, and {@link RequiresPeer} for a class that starts one in
	 * {@code @BeforeAll}
	 * @throws IllegalStateException when PgBouncer does not start
	 */
	public static TestPgBouncer inFrontOf(TestPostgres postgres, PoolMode mode) {
		Path binary = Peer.PGBOUNCER.executable();
		try {
			return new TestPgBouncer(postgres, mode, binary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PgBouncer", ex);
		}
	}

	public String host() {
		return HOST;
	}

	public int port() {
		return this.port;
	}

	/** The CA that signed the certificate PgBouncer shows its clients. */
	public Path caCertificate() {
		return this.tls.caCertificate();
	}

	/**
	 * A {@code DATABASE_URL} through this pooler for the application role, TLS verified against
	 * {@link #caCertificate()}.
	 * @param database the database
	 * @return {@code postgres://role:password@127.0.0.1:port/database?sslmode=verify-full&sslrootcert=ca}
	 */
	public String databaseUrl(String database) {
		return "postgres://" + TestPostgres.percentEncode(this.postgres.username()) + ":"
				+ TestPostgres.percentEncode(this.postgres.password()) + "@" + HOST + ":" + this.port + "/" + database
				+ "?sslmode=verify-full&sslrootcert="
				+ TestPostgres.percentEncode(caCertificate().toAbsolutePath().toString()).replace("%2F", "/");
	}

	/**
	 * The pooler's clients for a database, from its admin console ({@code SHOW CLIENTS}, through psql: pgjdbc's
	 * connection start is refused there): one row per client connection, with {@code user}, {@code database},
	 * {@code state}, {@code tls}. A test that reads them declares {@code @RequiresPeer(Peer.PSQL)}, so that it is
	 * skipped before its set-up where psql is missing.
	 * @param database the database
	 * @return the clients' rows, each column as text
	 */
	public List<Map<String, String>> clients(String database) {
		List<String> command = List.of(Peer.PSQL.executable().toString(), "-X", "-A", "-F", "\t",
				"--pset=footer=off", "-c", "SHOW CLIENTS", "host=" + HOST + " port=" + this.port
						+ " dbname=pgbouncer user=" + ADMIN + " sslmode=verify-full sslrootcert="
						+ caCertificate().toAbsolutePath());
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.environment().put("PGPASSWORD", this.adminPassword);
			Process psql = builder.start();
			String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!psql.waitFor(30, TimeUnit.SECONDS) || psql.exitValue() != 0) {
				throw new IllegalStateException("SHOW CLIENTS on PgBouncer failed: " + output);
			}
			List<String> lines = output.lines().toList();
			String[] columns = lines.get(0).split("\t", -1);
			List<Map<String, String>> rows = new ArrayList<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] values = line.split("\t", -1);
				Map<String, String> row = new LinkedHashMap<>();
				for (int column = 0; column < columns.length && column < values.length; column++) {
					row.put(columns[column], values[column]);
				}
				if (database.equals(row.get("database"))) {
					rows.add(row);
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run psql for SHOW CLIENTS", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** PgBouncer's own log, for a failing test's message. */
	public String log() {
		try {
			Path log = this.directory.resolve("pgbouncer.log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Directories.deleteRecursively(this.directory);
	}

	private Path writeConfiguration(PoolMode mode) throws IOException {
		Path users = this.directory.resolve("userlist.txt");
		Files.writeString(users, quoted(this.postgres.username()) + " " + quoted(this.postgres.password()) + "\n"
				+ quoted(ADMIN) + " " + quoted(this.adminPassword) + "\n");
		Path config = this.directory.resolve("pgbouncer.ini");
		Files.writeString(config, String.join("\n", "[databases]",
				"* = host=" + this.postgres.host() + " port=" + this.postgres.port(), "", "[pgbouncer]",
				"listen_addr = " + HOST, "listen_port = " + this.port, "unix_socket_dir =",
				"logfile = " + this.directory.resolve("pgbouncer.log"),
				"pidfile = " + this.directory.resolve("pgbouncer.pid"), "auth_type = scram-sha-256",
				"auth_file = " + users, "admin_users = " + ADMIN, "pool_mode = " + mode.name().toLowerCase(Locale.ROOT),
				"max_client_conn = 400", "default_pool_size = 20",
				// pgjdbc sends it in every startup packet; PgBouncer refuses unknown startup parameters
				"ignore_startup_parameters = extra_float_digits",
				"client_tls_sslmode = require", "client_tls_cert_file = " + this.tls.serverCertificate(),
				"client_tls_key_file = " + this.tls.serverKey(), "server_tls_sslmode = verify-full",
				"server_tls_ca_file = " + this.postgres.caCertificate().toAbsolutePath(), ""));
		return config;
	}

	/** auth_file's quoting: double quotes around, a double quote inside doubled. */
	private static String quoted(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private void handOver(UserPrincipal account) throws IOException {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Files.setOwner(path, account);
			}
		}
	}

	private static UserPrincipal serverAccount() {
		try {
			return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
		}
		catch (UserPrincipalNotFoundException ex) {
			throw new IllegalStateException("Running as root: PgBouncer refuses root and runs as the 'postgres' "
					+ "account, which does not exist. Install Debian's 'pgbouncer' and 'postgresql-common' packages "
					+ "(they create it) or run the tests as a regular user.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitListening() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("PgBouncer exited with " + this.process.exitValue() + ":\n" + output()
						+ log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(HOST, this.port), 200);
				return;
			}
			catch (IOException ex) {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
		throw new IllegalStateException("PgBouncer did not listen within " + START_TIMEOUT + ":\n" + output() + log());
	}

	private String output() {
		try {
			return Files.readString(this.directory.resolve("pgbouncer.out"));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
	}

}
