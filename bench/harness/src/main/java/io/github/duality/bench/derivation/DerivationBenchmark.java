package io.github.duality.bench.derivation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.FileChecks;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.Driver;

/**
 * {@code DatabaseUrl.derive} (both targets, checked, TLS file read) against pgjdbc's {@code Driver.parseURL} and
 * r2dbc's {@code ConnectionFactoryOptions.parse}, each reading the same target in its own syntax.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DerivationBenchmark {

	@Param({ "JDBC", "LIBPQ", "SQLALCHEMY", "R2DBC" })
	public UrlForm form;

	private Path directory;

	private UrlForm.Input input;

	@Setup
	public void writeRootCertificate() throws Exception {
		this.directory = Files.createTempDirectory("duality-bench-derive");
		this.input = this.form.input(RootCertificate.write(this.directory));
	}

	@TearDown
	public void deleteRootCertificate() throws Exception {
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Benchmark
	public DerivedConnection derive() {
		return DatabaseUrl.derive(this.input.url(), this.input.username(), this.input.password());
	}

	/** The same without reading the TLS files: what the file checks cost is the difference. */
	@Benchmark
	public DerivedConnection deriveWithoutFileChecks() {
		return DatabaseUrl.derive(this.input.url(), this.input.username(), this.input.password(), FileChecks.SKIP);
	}

	@Benchmark
	public Properties pgjdbcParseUrl() {
		return Driver.parseURL(this.input.pgjdbcUrl(), null);
	}

	@Benchmark
	public ConnectionFactoryOptions r2dbcParse() {
		return ConnectionFactoryOptions.parse(this.input.r2dbcUrl());
	}

}
