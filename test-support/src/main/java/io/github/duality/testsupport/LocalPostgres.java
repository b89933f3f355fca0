package io.github.duality.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throwaway cluster made with PostgreSQL server binaries on this machine, installed or unpacked from the Maven
 * artifact: {@code initdb} in a temporary directory, started with {@code pg_ctl} on a free port, stopped and deleted
 * when the JVM exits.
 * <p>
 * {@code initdb} and {@code pg_ctl} refuse to run as root, so root hands the directory to the {@code postgres}
 * account and runs them through {@code runuser}.
 */
final class LocalPostgres {

	private static final String SERVER_ACCOUNT = "postgres";

	private static final int COMMAND_TIMEOUT_SECONDS = 60;

	private static final int LOG_TAIL_LINES = 40;

	private final Path binDirectory;

	private final String origin;

	// first: fails before anything is created when root cannot hand the cluster over
	private final UserPrincipal serverAccount = (isRoot()) ? lookUpServerAccount() : null;

	private final Path directory = Directories.createTemporary();

	private final Path dataDirectory = this.directory.resolve("data");

	private final Path serverLog = this.directory.resolve("server.log");

	private volatile boolean started;

	private LocalPostgres(Path binDirectory, String origin) {
		this.binDirectory = binDirectory;
		this.origin = origin;
	}

	/**
	 * A cluster not yet created: {@link #start()} creates and starts it, and the caller may then stop, start and
	 * restart it.
	 * @param binDirectory the directory of {@code initdb} and {@code pg_ctl}
	 * @param origin where the binaries come from, for {@link TestPostgres#describe()}
	 * @return the cluster's controller
	 */
	static LocalPostgres of(Path binDirectory, String origin) {
		return new LocalPostgres(binDirectory, origin);
	}

	ProvisionedServer start() {
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndDelete, "duality-postgres-stop"));
		try {
			TlsFiles tls = TlsFiles.generate(this.directory.resolve("tls"), List.of());
			ClientCertificates clientCertificates = ClientCertificates
				.generate(this.directory.resolve("tls").resolve("client-ca.crt"));
			String superuserPassword = ServerConfiguration.randomPassword();
			initdb(superuserPassword);
			List<String> addresses = listenAddresses();
			int port = freePort(addresses);
			configure(tls, clientCertificates, addresses, port);
			run("pg_ctl.log", "pg_ctl", "-D", this.dataDirectory.toString(), "-l", this.serverLog.toString(), "-w",
					"-t", "30", "start");
			this.started = true;
			return new ProvisionedServer(this.origin + " in " + this.binDirectory + " (server log " + this.serverLog
					+ ")", "localhost", port, ServerConfiguration.HOST_NOT_IN_CERTIFICATE, superuserPassword,
					tls.caCertificate(), clientCertificates);
		}
		catch (IOException ex) {
			throw failure(ex.toString(), ex);
		}
		catch (RuntimeException ex) {
			throw failure(ex.getMessage(), ex);
		}
	}

	/** {@code pg_ctl restart -m fast}: sessions are ended, the server accepts connections again on return. */
	void restartFast() {
		run("pg_ctl-restart.log", "pg_ctl", "-D", this.dataDirectory.toString(), "-l", this.serverLog.toString(),
				"-m", "fast", "-w", "-t", "60", "restart");
	}

	/** {@code pg_ctl stop -m fast}: returns once the server is down. */
	void stopFast() {
		run("pg_ctl-stop.log", "pg_ctl", "-D", this.dataDirectory.toString(), "-m", "fast", "-w", "-t", "60",
				"stop");
	}

	/** Starts the stopped server again; returns once it accepts connections. */
	void startAgain() {
		run("pg_ctl.log", "pg_ctl", "-D", this.dataDirectory.toString(), "-l", this.serverLog.toString(), "-w", "-t",
				"60", "start");
	}

	/** Stops the server now and deletes its directory, instead of at JVM exit. */
	void destroy() {
		stopAndDelete();
	}

	private void initdb(String superuserPassword) throws IOException {
		Path passwordFile = this.directory.resolve("superuser.password");
		Files.writeString(passwordFile, superuserPassword);
		handToServerAccount();
		run("initdb.log", "initdb", "-D", this.dataDirectory.toString(), "-U", ServerConfiguration.SUPERUSER,
				"--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync",
				"--no-instructions");
		Files.delete(passwordFile);
	}

	private void configure(TlsFiles tls, ClientCertificates clientCertificates, List<String> addresses, int port)
			throws IOException {
		Path hbaFile = this.directory.resolve("pg_hba.conf");
		Files.writeString(hbaFile, ServerConfiguration.TCP_AUTHENTICATION_RULES);
		handToServerAccount();
		Map<String, String> settings = ServerConfiguration.settings(hbaFile.toString(),
				tls.serverCertificate().toString(), tls.serverKey().toString(),
				clientCertificates.rootCertificate().toString());
		settings.put("listen_addresses", String.join(",", addresses));
		settings.put("port", Integer.toString(port));
		// TCP only: no socket file in a shared directory, no path length limit on the temp directory
		settings.put("unix_socket_directories", "");
		String lines = settings.entrySet()
			.stream()
			.map((setting) -> setting.getKey() + " = '" + setting.getValue().replace("'", "''") + "'")
			.collect(Collectors.joining("\n", "\n# Duality test fixture\n", "\n"));
		// appended: later lines win, and the file keeps the ownership initdb gave it
		Files.writeString(this.dataDirectory.resolve("postgresql.conf"), lines, StandardOpenOption.APPEND);
	}

	private void handToServerAccount() throws IOException {
		if (this.serverAccount == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(this.directory)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Files.setOwner(path, this.serverAccount);
			}
		}
	}

	private void run(String outputFile, String tool, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.serverAccount != null) {
			command.addAll(List.of("runuser", "-u", SERVER_ACCOUNT, "--"));
		}
		command.add(this.binDirectory.resolve(tool).toString());
		command.addAll(List.of(arguments));
		Path output = this.directory.resolve(outputFile);
		try {
			Process process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(tool + " did not finish within " + COMMAND_TIMEOUT_SECONDS + "s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						tool + " exited with " + process.exitValue() + ", output:\n" + tail(output));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + String.join(" ", command) + ": " + ex.getMessage(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + tool, ex);
		}
	}

	private IllegalStateException failure(String reason, Exception cause) {
		String log = Files.exists(this.serverLog) ? "\nServer log " + this.serverLog + ", last lines:\n"
				+ tail(this.serverLog) : "";
		return new IllegalStateException("Could not start a test PostgreSQL from " + this.binDirectory + ": "
				+ reason + log + "\n(" + this.directory + " is kept for inspection)", cause);
	}

	private void stopAndDelete() {
		if (Files.exists(this.dataDirectory.resolve("postmaster.pid"))) {
			try {
				run("pg_ctl-stop.log", "pg_ctl", "-D", this.dataDirectory.toString(), "-m", "immediate", "-w",
						"stop");
			}
			catch (IllegalStateException ex) {
				System.err.println("Could not stop the test PostgreSQL in " + this.directory + ": " + ex.getMessage());
			}
		}
		if (this.started) {
			Directories.deleteRecursively(this.directory);
		}
	}

	private static String tail(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			List<String> all = lines.toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(" + file + " is unreadable: " + ex.getMessage() + ")";
		}
	}

	private static List<String> listenAddresses() {
		List<String> addresses = new ArrayList<>(List.of("127.0.0.1"));
		Stream.of("::1", ServerConfiguration.HOST_NOT_IN_CERTIFICATE)
			.filter((address) -> canBind(address, 0))
			.forEach(addresses::add);
		return addresses;
	}

	// a port free on every address, so that no other server answers on one of them
	private static int freePort(List<String> addresses) {
		for (int attempt = 0; attempt < 10; attempt++) {
			int port;
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(addresses.get(0)))) {
				port = socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not find a free port", ex);
			}
			int candidate = port;
			if (addresses.stream().skip(1).allMatch((address) -> canBind(address, candidate))) {
				return port;
			}
		}
		throw new IllegalStateException("Could not find a port free on all of " + addresses);
	}

	private static boolean canBind(String address, int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static UserPrincipal lookUpServerAccount() {
		try {
			return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_ACCOUNT);
		}
		catch (UserPrincipalNotFoundException ex) {
			throw new IllegalStateException("Running as root: initdb and pg_ctl refuse root and must run as the '"
					+ SERVER_ACCOUNT + "' account, which does not exist. Create it ('useradd --system --user-group "
					+ "--no-create-home " + SERVER_ACCOUNT + "' on Linux; the PostgreSQL server package also creates "
					+ "it) or run the build as a regular user.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
