package io.github.duality.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * PostgreSQL in a Docker container through Testcontainers, set up like the local cluster: TLS with a certificate from
 * a per-run CA, scram-sha-256 for every TCP connection.
 */
final class ContainerPostgres {

	private static final String IMAGE = "postgres:17-alpine";

	private static final int DOCKER_PROBE_TIMEOUT_SECONDS = 30;

	private static final String TLS_DIRECTORY = "/duality-tls";

	/**
	 * Copied files belong to root inside the container, and PostgreSQL only accepts a key that its own account
	 * owns (or a root-owned one it can read, 0640 with its group): install a copy it owns, then start as usual.
	 */
	private static final String OWN_KEY_THEN_START = "install -o postgres -m 600 " + TLS_DIRECTORY + "/copied.key "
			+ TLS_DIRECTORY + "/server.key && exec docker-entrypoint.sh \"$@\"";

	private ContainerPostgres() {
	}

	/**
	 * Whether a Docker engine answers; never hangs nor throws (Testcontainers may do both when Docker is missing).
	 * @return {@code true} if Testcontainers can use Docker
	 */
	static boolean dockerAnswers() {
		FutureTask<Boolean> probe = new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
		Thread thread = new Thread(probe, "duality-docker-probe");
		thread.setDaemon(true);
		thread.start();
		try {
			return probe.get(DOCKER_PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			probe.cancel(true);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Start a container, stopped by a shutdown hook (and by Testcontainers' reaper if the JVM dies).
	 * @return the running server
	 */
	static ProvisionedServer start() {
		Path directory = Directories.createTemporary();
		String host = DockerClientFactory.instance().dockerHostIpAddress();
		TlsFiles tls = TlsFiles.generate(directory, List.of(host));
		ClientCertificates clientCertificates = ClientCertificates.generate(directory.resolve("client-ca.crt"));
		Path hbaFile = writeHbaFile(directory);
		String superuserPassword = ServerConfiguration.randomPassword();
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
			.withUsername(ServerConfiguration.SUPERUSER)
			.withPassword(superuserPassword)
			.withDatabaseName(ServerConfiguration.SUPERUSER)
			.withCopyToContainer(MountableFile.forHostPath(tls.serverCertificate(), 0644),
					TLS_DIRECTORY + "/server.crt")
			.withCopyToContainer(MountableFile.forHostPath(tls.serverKey(), 0600), TLS_DIRECTORY + "/copied.key")
			.withCopyToContainer(MountableFile.forHostPath(hbaFile, 0644), TLS_DIRECTORY + "/pg_hba.conf")
			.withCopyToContainer(MountableFile.forHostPath(clientCertificates.rootCertificate(), 0644),
					TLS_DIRECTORY + "/client-ca.crt")
			.withCreateContainerCmdModifier((command) -> command.withEntrypoint("sh", "-c", OWN_KEY_THEN_START, "sh"))
			.withCommand(command());
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			container.stop();
			Directories.deleteRecursively(directory);
		}, "duality-postgres-stop"));
		container.start();
		return new ProvisionedServer("Testcontainers (" + IMAGE + ", container " + container.getContainerId() + ")",
				container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
				ServerConfiguration.HOST_NOT_IN_CERTIFICATE, superuserPassword, tls.caCertificate(), clientCertificates);
	}

	private static Path writeHbaFile(Path directory) {
		Path hbaFile = directory.resolve("pg_hba.conf");
		try {
			// the image's entrypoint sets the cluster up through the container-local socket
			Files.writeString(hbaFile, "local  all  all  trust\n" + ServerConfiguration.TCP_AUTHENTICATION_RULES);
			return hbaFile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String[] command() {
		List<String> command = new ArrayList<>(List.of("postgres"));
		ServerConfiguration
			.settings(TLS_DIRECTORY + "/pg_hba.conf", TLS_DIRECTORY + "/server.crt", TLS_DIRECTORY + "/server.key",
					TLS_DIRECTORY + "/client-ca.crt")
			.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
		return command.toArray(String[]::new);
	}

}
