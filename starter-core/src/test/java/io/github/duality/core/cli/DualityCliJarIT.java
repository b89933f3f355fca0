package io.github.duality.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.github.duality.testsupport.fuzz.SecretForms;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the executable jar that {@code package} builds, as a deploy pipeline would.
 */
class DualityCliJarIT {

	private static final Path CLI_JAR = cliJar();

	private static final String ACCEPTED = "postgres://app:" + SecretForms.HOSTILE_PASSWORD_ENCODED
			+ "@db.example.com:5432/shop?sslmode=require";

	private static final String REFUSED = "mysql://app:" + SecretForms.HOSTILE_PASSWORD_ENCODED
			+ "@db.example.com/shop";

	@Test
	void explainsStandardInputAsJsonLines() throws Exception {
		Result result = java(ACCEPTED + "\n\n" + REFUSED + "\n", "-jar", CLI_JAR.toString(), "explain", "--json");
		JsonMapper jsonMapper = JsonMapper.builder().build();
		List<JsonNode> lines = result.out().lines().map(jsonMapper::readTree).toList();
		assertThat(lines).extracting((line) -> line.get("ok").booleanValue()).containsExactly(true, false);
		assertThat(lines.get(0).get("r2dbc").get("options").get("driver").stringValue()).isEqualTo("postgresql");
		assertThat(result.out()).doesNotContain(SecretForms.of(SecretForms.HOSTILE_PASSWORD));
		assertThat(result.status()).isEqualTo(DualityCli.REFUSED);
	}

	@Test
	void keepsPgjdbcFromLoggingTheUrlItCannotParse() throws Exception {
		String unparseable = "jdbc:postgresql://db/extra.example.com:5432/shop?user=app&password="
				+ SecretForms.HOSTILE_PASSWORD_ENCODED;
		Result result = java("", "-jar", CLI_JAR.toString(), "explain", unparseable);
		assertThat(result.status()).isEqualTo(DualityCli.REFUSED);
		assertThat(result.out() + result.err()).doesNotContain(SecretForms.of(SecretForms.HOSTILE_PASSWORD));
	}

	@Test
	void exitsWithZeroForAnAcceptedArgumentAndTwoForAUsageError() throws Exception {
		assertThat(java("", "-jar", CLI_JAR.toString(), "explain", ACCEPTED).status()).isEqualTo(DualityCli.OK);
		Result usage = java("", "-jar", CLI_JAR.toString(), "explain", "--yaml");
		assertThat(usage.status()).isEqualTo(DualityCli.USAGE);
		assertThat(usage.err()).contains("Usage: java -jar duality-core-cli.jar");
	}

	@Test
	void findsTheR2dbcDriverThroughTheMergedServiceFiles() throws Exception {
		try (JarFile jar = new JarFile(CLI_JAR.toFile())) {
			String providers = new String(jar
				.getInputStream(jar.getEntry("META-INF/services/io.r2dbc.spi.ConnectionFactoryProvider"))
				.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(providers).contains("io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider");
		}
		// Only the fat jar on the class path: the provider must be discovered from inside it
		try (URLClassLoader jarOnly = new URLClassLoader(new URL[] { CLI_JAR.toUri().toURL() },
				ClassLoader.getPlatformClassLoader())) {
			Class<?> options = jarOnly.loadClass("io.r2dbc.spi.ConnectionFactoryOptions");
			Object parsed = options.getMethod("parse", CharSequence.class)
				.invoke(null, "r2dbc:postgresql://app@localhost:5432/shop");
			Object factory = jarOnly.loadClass("io.r2dbc.spi.ConnectionFactories")
				.getMethod("get", options)
				.invoke(null, parsed);
			assertThat(factory.getClass().getName()).isEqualTo("io.r2dbc.postgresql.PostgresqlConnectionFactory");
		}
	}

	@Test
	void leavesTheLibraryJarThinAndWithoutTheCli() throws IOException {
		try (Stream<Path> jars = Files.list(Path.of("target"))) {
			List<Path> libraryJars = jars.filter((path) -> path.getFileName().toString().matches("duality-core-.*\\.jar"))
				.filter((path) -> !path.equals(CLI_JAR))
				.toList();
			assertThat(libraryJars).isNotEmpty();
			for (Path libraryJar : libraryJars) {
				try (JarFile jar = new JarFile(libraryJar.toFile())) {
					assertThat(jar.stream().map((entry) -> entry.getName()))
						.anyMatch((name) -> name.equals("io/github/duality/core/DatabaseUrl.class"))
						.noneMatch((name) -> name.startsWith("io/r2dbc/") || name.startsWith("org/postgresql/"))
						.noneMatch((name) -> name.startsWith("io/github/duality/core/cli/"));
				}
			}
		}
	}

	/** The {@code cli}-classifier jar that {@code package} attaches. */
	private static Path cliJar() {
		try (Stream<Path> jars = Files.list(Path.of("target"))) {
			return jars.filter((path) -> path.getFileName().toString().matches("duality-core-.*-cli\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No target/duality-core-*-cli.jar: run package first"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Result java(String stdin, String... args) throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(Stream.concat(Stream.of(java.toString()), Stream.of(args)).toList())
			.start();
		CompletableFuture<String> out = readAsync(process.getInputStream());
		CompletableFuture<String> err = readAsync(process.getErrorStream());
		try (OutputStream in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		boolean finished = process.waitFor(60, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		assertThat(finished).as("the CLI jar finished within a minute").isTrue();
		return new Result(process.exitValue(), out.get(), err.get());
	}

	private static CompletableFuture<String> readAsync(InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private record Result(int status, String out, String err) {
	}

}
