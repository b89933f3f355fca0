package io.github.duality.core.cli;

import java.util.List;
import java.util.stream.Stream;

import io.github.duality.testsupport.fuzz.SecretForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTests {

	private static final String ENCODED_PASSWORD = SecretForms.HOSTILE_PASSWORD_ENCODED;

	private static final String ACCEPTED = "postgres://app:" + ENCODED_PASSWORD
			+ "@db.example.com:5432/shop?sslmode=require";

	private static final String ACCEPTED_JDBC = "jdbc:postgresql://db.example.com/shop?user=app&password="
			+ ENCODED_PASSWORD;

	/** Verifies TLS with a root certificate that exists only where the application runs. */
	private static final String ROOT_CERT_ELSEWHERE = "postgres://app@db.example.com/shop?sslmode=verify-full"
			+ "&sslrootcert=/nonexistent/duality/ca.pem";

	/** Not a PostgreSQL URL at all, so refused whatever the parameter rules are. */
	private static final String REFUSED = "mysql://app:" + ENCODED_PASSWORD + "@db.example.com:3306/shop";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void jsonPrintsOneObjectPerNonBlankLineInInputOrder() {
		CliRun run = CliRun.run(ACCEPTED + "\n\n   \n" + REFUSED + "\r\n" + ACCEPTED_JDBC + "\n", "explain", "--json");
		List<JsonNode> results = run.outLines().stream().map(this.jsonMapper::readTree).toList();
		assertThat(results).extracting((result) -> result.get("ok").booleanValue()).containsExactly(true, false, true);
		assertThat(results.get(0).get("input").stringValue()).startsWith("postgres://app:****@db.example.com");
		assertThat(results.get(1).get("input").stringValue()).startsWith("mysql://app:****@db.example.com");
		assertThat(results.get(2).get("input").stringValue()).startsWith("jdbc:postgresql://db.example.com/shop");
		assertThat(run.status()).isEqualTo(DualityCli.REFUSED);
		assertThat(run.err()).isEmpty();
	}

	@Test
	void migrationUrlOptionShowsWhereMigrationsGo() {
		String pooled = "postgres://app:" + ENCODED_PASSWORD + "@bouncer.internal:6432/shop?sslmode=require&pgbouncer=true";
		CliRun text = CliRun.run("", "explain", "--migration-url=postgresql://db.internal:5432", pooled);
		assertThat(text.out()).contains("JDBC for migrations (always the primary; endpoint: the migration URL "
				+ "postgresql://db.internal:5432)")
			.containsPattern("url +jdbc:postgresql://db.internal:5432/shop\n")
			.doesNotContain(SecretForms.HOSTILE_PASSWORD);
		CliRun json = CliRun.run("", "explain", "--json", pooled);
		JsonNode result = this.jsonMapper.readTree(json.out());
		assertThat(result.has("migrationJdbc")).isFalse();
		assertThat(result.get("migrationEndpoint").stringValue()).startsWith("none: a transaction pooler (pgbouncer=true)");
		assertThat(result.get("migrationRefused").stringValue()).contains("session-level lock");
		assertThat(json.status()).as("the application's URL itself is accepted").isEqualTo(DualityCli.OK);
		CliRun none = CliRun.run("", "explain", "--pooler=none", pooled);
		assertThat(none.out()).contains("JDBC for migrations (always the primary)").doesNotContain("REFUSED");
		assertThat(CliRun.run("", "explain", "--pooler=sometimes", pooled).status()).isEqualTo(DualityCli.USAGE);
	}

	@Test
	void jsonOfAnAcceptedUrlHoldsBothTargetsWithSecretsMasked() {
		CliRun run = CliRun.run("", "explain", "--json", ACCEPTED);
		JsonNode result = this.jsonMapper.readTree(run.out());
		assertThat(result.propertyNames()).contains("ok", "input", "jdbc", "r2dbc", "notes");
		JsonNode jdbc = result.get("jdbc");
		assertThat(jdbc.get("url").stringValue()).startsWith("jdbc:postgresql://db.example.com:5432/shop")
			.doesNotContain("app", "****", "password");
		assertThat(jdbc.get("properties").get("user").stringValue()).isEqualTo("app");
		assertThat(jdbc.get("properties").get("password").stringValue()).isEqualTo("****");
		assertThat(jdbc.get("properties").get("sslmode").stringValue()).isEqualTo("require");
		JsonNode options = result.get("r2dbc").get("options");
		assertThat(options.get("driver").stringValue()).isEqualTo("postgresql");
		assertThat(options.get("host").stringValue()).isEqualTo("db.example.com");
		assertThat(options.get("port").stringValue()).isEqualTo("5432");
		assertThat(options.get("database").stringValue()).isEqualTo("shop");
		assertThat(options.get("user").stringValue()).isEqualTo("app");
		assertThat(options.get("password").stringValue()).isEqualTo("****");
		assertThat(result.get("notes").isArray()).isTrue();
		assertThat(run.status()).isEqualTo(DualityCli.OK);
	}

	@Test
	void jsonOfARefusedUrlHoldsTheMessageAndTheParameter() {
		CliRun run = CliRun.run("", "explain", "--json", REFUSED);
		JsonNode result = this.jsonMapper.readTree(run.out());
		assertThat(result.propertyNames()).containsExactly("ok", "input", "error", "parameter");
		assertThat(result.get("ok").booleanValue()).isFalse();
		assertThat(result.get("input").stringValue()).isEqualTo("mysql://app:****@db.example.com:3306/shop");
		assertThat(result.get("error").stringValue()).isNotBlank();
		assertThat(result.get("parameter").isNull() || result.get("parameter").isString()).isTrue();
		assertThat(run.status()).isEqualTo(DualityCli.REFUSED);
	}

	@Test
	void aRefusedParameterIsNamedWithItsFix() {
		CliRun json = CliRun.run("", "explain", "--json", "postgres://app@db.example.com/shop?service=prod");
		JsonNode result = this.jsonMapper.readTree(json.out());
		assertThat(result.get("parameter").stringValue()).isEqualTo("service");
		assertThat(result.get("error").stringValue()).contains("'service'", "Remove service from the URL.");
		CliRun text = CliRun.run("", "explain", "postgres://app@db.example.com/shop?service=prod");
		assertThat(text.out()).containsPattern("\nParameter +service\n").containsPattern("\nFix +.*service");
	}

	@Test
	void textReportSaysWhenMigrationsUseTheSameTarget() {
		CliRun run = CliRun.run("", "explain", "postgres://app@db.example.com/shop?target_session_attrs=read-write");
		assertThat(run.out()).contains("\nJDBC for migrations: the same\n");
	}

	@Test
	void exitsWithZeroWhenEveryInputIsAccepted() {
		assertThat(CliRun.run(ACCEPTED + "\n" + ACCEPTED_JDBC + "\n", "explain", "--json").status())
			.isEqualTo(DualityCli.OK);
		assertThat(CliRun.run("", "explain", ACCEPTED).status()).isEqualTo(DualityCli.OK);
	}

	@Test
	void aUrlArgumentIsExplainedInsteadOfStandardInput() {
		CliRun run = CliRun.run(REFUSED + "\n", "explain", "--json", ACCEPTED);
		assertThat(run.outLines()).hasSize(1);
		assertThat(run.status()).isEqualTo(DualityCli.OK);
	}

	@Test
	void skipFileChecksAcceptsAUrlWhoseFilesAreMissingHere() {
		CliRun reading = CliRun.run("", "explain", "--json", ROOT_CERT_ELSEWHERE);
		assertThat(this.jsonMapper.readTree(reading.out()).get("error").stringValue()).contains("does not exist");
		assertThat(reading.status()).isEqualTo(DualityCli.REFUSED);
		for (List<String> args : List.of(List.of("explain", "--json", "--skip-file-checks"),
				List.of("explain", "--skip-file-checks", "--json"))) {
			CliRun skipping = CliRun.run(ROOT_CERT_ELSEWHERE + "\n", args.toArray(String[]::new));
			JsonNode result = this.jsonMapper.readTree(skipping.out());
			assertThat(result.get("ok").booleanValue()).isTrue();
			assertThat(result.get("notes").valueStream().map(JsonNode::stringValue))
				.contains("sslrootcert=/nonexistent/duality/ca.pem not read (file checks skipped): it must exist, as a "
						+ "PEM certificate, where the application runs");
			assertThat(skipping.status()).isEqualTo(DualityCli.OK);
		}
	}

	@Test
	void skipFileChecksMayFollowTheUrlInATextReport() {
		CliRun run = CliRun.run("", "explain", ROOT_CERT_ELSEWHERE, "--skip-file-checks");
		assertThat(run.out()).contains("Result  accepted").contains("not read (file checks skipped)");
		assertThat(run.status()).isEqualTo(DualityCli.OK);
	}

	@Test
	void skipFileChecksStillRefusesWhatTheUrlDecides() {
		CliRun run = CliRun.run("", "explain", "--skip-file-checks", "--json",
				"postgres://app@db.example.com/shop?sslmode=require&sslcert=/nonexistent/duality/client.crt");
		assertThat(this.jsonMapper.readTree(run.out()).get("parameter").stringValue()).isEqualTo("sslcert");
		assertThat(run.status()).isEqualTo(DualityCli.REFUSED);
	}

	@ParameterizedTest
	@MethodSource("usageErrors")
	void usageErrorsExitWithTwoAndPrintUsageOnStandardError(String stdin, List<String> args) {
		CliRun run = CliRun.run(stdin, args.toArray(String[]::new));
		assertThat(run.status()).isEqualTo(DualityCli.USAGE);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).startsWith("duality: ").contains("Usage: java -jar duality-core-cli.jar");
	}

	static Stream<Arguments> usageErrors() {
		return Stream.of(Arguments.of("", List.of()), Arguments.of("", List.of("explian")),
				Arguments.of(ACCEPTED, List.of("explain", "--jsno")),
				Arguments.of(ACCEPTED, List.of("explain", "--skip-file-check")),
				Arguments.of("", List.of("explain", ACCEPTED, ACCEPTED_JDBC)),
				Arguments.of("", List.of("explain", "--json")), Arguments.of("\n  \n\n", List.of("explain")),
				Arguments.of("", List.of("parameters", "--md")), Arguments.of("", List.of("parameters", "extra")));
	}

	@Test
	void usageErrorsNameTheWrongWord() {
		assertThat(CliRun.run("", "explian").err()).contains("unknown command 'explian'");
		assertThat(CliRun.run("", "explain", "--jsno").err()).contains("unknown option '--jsno'");
	}

	@Test
	void aUrlMistakenForACommandIsNotRepeated() {
		CliRun run = CliRun.run("", ACCEPTED);
		assertThat(run.status()).isEqualTo(DualityCli.USAGE);
		assertThat(run.err()).contains("unknown command (not repeated here").doesNotContain("db.example.com");
	}

	@ParameterizedTest
	@MethodSource("urlsWithTheHostilePassword")
	void neverPrintsTheHostilePasswordInAnyForm(String url) {
		for (List<String> args : List.of(List.of("explain"), List.of("explain", "--json"))) {
			CliRun fromArgument = CliRun.run("", concat(args, url));
			CliRun fromStandardInput = CliRun.run(url + "\n", args.toArray(String[]::new));
			for (CliRun run : List.of(fromArgument, fromStandardInput)) {
				assertThat(run.out() + run.err()).contains("****")
					.doesNotContain(SecretForms.of(SecretForms.HOSTILE_PASSWORD));
			}
		}
	}

	static Stream<String> urlsWithTheHostilePassword() {
		return Stream.of(ACCEPTED, ACCEPTED_JDBC, REFUSED,
				"postgres://app:" + ENCODED_PASSWORD + "@db.example.com/shop?sslmode=bogus",
				"postgres://app@db.example.com/shop?password=" + ENCODED_PASSWORD + "&sslmode=bogus",
				"postgres://app:" + ENCODED_PASSWORD + "@db.example.com:notaport/shop",
				"postgres://app:" + SecretForms.HOSTILE_PASSWORD + "@db.example.com/shop",
				"postgres://db.example.com/shop?user=app&password=" + SecretForms.HOSTILE_PASSWORD + "&sslmode=bogus",
				"r2dbc:postgresql:failover:%/app:" + ENCODED_PASSWORD + "@db1.example.com,db2.example.com/shop",
				"postgres://app@db.example.com/shop?passwd=" + ENCODED_PASSWORD,
				"postgres://app@db.example.com/shop?sslmode=require password=" + ENCODED_PASSWORD);
	}

	@Test
	void textReportShowsInputTargetsAndNotes() {
		CliRun run = CliRun.run("", "explain", ACCEPTED);
		assertThat(run.out()).contains("Input   postgres://app:****@db.example.com:5432/shop")
			.contains("Result  accepted")
			.contains("JDBC (pgjdbc")
			.containsPattern("\n  url +jdbc:postgresql://db.example.com:5432/shop")
			.containsPattern("\n  sslmode +require\n")
			.containsPattern("\n  password +\\*\\*\\*\\*\n")
			.contains("R2DBC (r2dbc-postgresql options)")
			.containsPattern("\n  driver +postgresql\n")
			.containsPattern("\n  sslMode +require\n");
		assertThat(run.status()).isEqualTo(DualityCli.OK);
	}

	@Test
	void textReportShowsTheRefusal() {
		CliRun run = CliRun.run(REFUSED + "\n" + ACCEPTED + "\n", "explain");
		assertThat(run.out()).containsPattern("^Input +mysql://app:\\*\\*\\*\\*@db.example.com:3306/shop\nResult +REFUSED\n")
			.containsPattern("\nProblem +The URL scheme 'mysql:' is not one of the accepted")
			.containsPattern("\nFix +Use jdbc:postgresql://")
			.contains("Result  accepted");
		assertThat(run.status()).isEqualTo(DualityCli.REFUSED);
	}

	@Test
	void writesUtf8WhateverTheStreamsCharset() {
		CliRun run = CliRun.run("", "explain", "--json", "mysql://app@db.example.com/café");
		assertThat(this.jsonMapper.readTree(run.out()).get("input").stringValue())
			.isEqualTo("mysql://app@db.example.com/café");
	}

	@Test
	void helpPrintsUsageOnStandardOutput() {
		CliRun run = CliRun.run("", "--help");
		assertThat(run.status()).isEqualTo(DualityCli.OK);
		assertThat(run.out()).isEqualTo(DualityCli.USAGE_TEXT);
	}

	private static String[] concat(List<String> args, String last) {
		return Stream.concat(args.stream(), Stream.of(last)).toArray(String[]::new);
	}

}
