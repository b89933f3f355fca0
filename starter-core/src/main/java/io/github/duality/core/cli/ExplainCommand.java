package io.github.duality.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import io.github.duality.core.CredentialSources;
import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.FileChecks;
import io.github.duality.core.PoolerHint;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.Secrets;
import org.jspecify.annotations.Nullable;

/**
 * {@code explain [--json] [--skip-file-checks] [--migration-url=URL] [--pooler=auto|transaction|none] [URL]}:
 * derive each URL the way the application will and show both
 * driver targets, or why the URL is refused.
 */
final class ExplainCommand {

	private static final String MIGRATION_URL_OPTION = "--migration-url=";

	private static final String POOLER_OPTION = "--pooler=";

	private final ExplanationFormat format;

	/** {@link FileChecks#SKIP} with --skip-file-checks, on machines that lack the TLS files the application has. */
	private final FileChecks fileChecks;

	/** The URL from the command line, or {@code null} to read one per line from standard input. */
	private final @Nullable String url;

	/** --migration-url: the direct endpoint migrations use, as duality.migration.url gives it. */
	private final @Nullable String migrationUrl;

	/** --pooler: what duality.pooler says of a pooler in front of the URL. */
	private final PoolerHint pooler;

	private ExplainCommand(ExplanationFormat format, FileChecks fileChecks, @Nullable String url,
			@Nullable String migrationUrl, PoolerHint pooler) {
		this.format = format;
		this.fileChecks = fileChecks;
		this.url = url;
		this.migrationUrl = migrationUrl;
		this.pooler = pooler;
	}

	static ExplainCommand parse(List<String> args) throws UsageException {
		boolean json = false;
		FileChecks fileChecks = FileChecks.READ;
		@Nullable String url = null;
		@Nullable String migrationUrl = null;
		PoolerHint pooler = PoolerHint.AUTO;
		for (String arg : args) {
			if (arg.startsWith(MIGRATION_URL_OPTION)) {
				migrationUrl = arg.substring(MIGRATION_URL_OPTION.length());
			}
			else if (arg.startsWith(POOLER_OPTION)) {
				pooler = poolerHint(arg.substring(POOLER_OPTION.length()));
			}
			else if (arg.equals("--json")) {
				json = true;
			}
			else if (arg.equals("--skip-file-checks")) {
				fileChecks = FileChecks.SKIP;
			}
			else if (arg.startsWith("-")) {
				throw UsageException.unknown("option", arg);
			}
			else if (url != null) {
				throw new UsageException("explain takes at most one URL; pass several on standard input, one a line");
			}
			else {
				url = arg;
			}
		}
		return new ExplainCommand(json ? new JsonFormat() : new TextFormat(), fileChecks, url, migrationUrl, pooler);
	}

	private static PoolerHint poolerHint(String value) throws UsageException {
		for (PoolerHint hint : PoolerHint.values()) {
			if (hint.name().equalsIgnoreCase(value)) {
				return hint;
			}
		}
		throw new UsageException("--pooler takes auto, transaction or none, not '" + value + "'");
	}

	int execute(BufferedReader in, PrintWriter out) throws IOException, UsageException {
		if (this.url != null) {
			return explain(this.url, out) ? DualityCli.OK : DualityCli.REFUSED;
		}
		int status = DualityCli.OK;
		boolean anyInput = false;
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			if (!line.isBlank()) {
				anyInput = true;
				if (!explain(line, out)) {
					status = DualityCli.REFUSED;
				}
			}
		}
		if (!anyInput) {
			// An empty DATABASE_URL in a pipeline must not pass as "every input accepted"
			throw new UsageException("no URL given, neither as an argument nor on standard input");
		}
		return status;
	}

	/**
	 * Print the explanation of one input, flushed at once so that a pipeline sees results as they come.
	 * @return whether the input was accepted
	 */
	private boolean explain(String input, PrintWriter out) {
		boolean accepted;
		try {
			DerivedConnection connection = DatabaseUrl.derive(input, null, null, this.migrationUrl, this.pooler,
					this.fileChecks, CredentialSources.SPRING_DATASOURCE);
			out.println(this.format.accepted(connection));
			accepted = true;
		}
		catch (InvalidConnectionUrlException ex) {
			out.println(this.format.refused(Secrets.mask(input), ex));
			accepted = false;
		}
		out.flush();
		return accepted;
	}

}
