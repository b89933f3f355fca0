package io.github.duality.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar duality-core-cli.jar explain [--json] [--skip-file-checks] [URL]} validates database URLs (for
 * example in a deploy pipeline, before the application meets them); {@code parameters [--markdown]} prints the
 * parameter-fate table.
 */
public final class DualityCli {

	/** Every input was accepted, or the command succeeded. */
	public static final int OK = 0;

	/** At least one input was refused. */
	public static final int REFUSED = 1;

	/** The command line was wrong. */
	public static final int USAGE = 2;

	static final String USAGE_TEXT = """
			Usage: java -jar %s <command>

			Commands:
			  explain [--json] [--skip-file-checks] [--migration-url=URL] [--pooler=auto|transaction|none] [URL]
			                            Show what pgjdbc and r2dbc-postgresql receive for URL, or for each
			                            non-blank line of standard input when URL is omitted. Secrets are
			                            masked. --json prints one JSON object per input.
			                            --skip-file-checks reads no TLS file (sslrootcert, sslcert, sslkey,
			                            ~/.postgresql/): for machines where they do not exist; notes say
			                            what each must be where the application runs.
			                            --migration-url and --pooler: as duality.migration.url and
			                            duality.pooler; the report says where migrations connect.
			                            Exit status: 0 all accepted, 1 any refused, 2 usage error.
			  parameters [--markdown]   Print what happens to every URL parameter (translated, converted,
			                            path-only or refused).
			  help                      Print this text.
			""".formatted(CliJar.FILE_NAME);

	/**
	 * pgjdbc logs a URL it cannot parse, password included, at WARNING on standard error; {@code explain} reports
	 * such URLs itself, masked. A field, because JUL holds loggers weakly and would forget the level.
	 */
	private static final Logger PGJDBC_LOGGER = Logger.getLogger("org.postgresql");

	public static void main(String[] args) {
		PGJDBC_LOGGER.setLevel(Level.OFF);
		System.exit(new DualityCli().run(args, System.in, System.out, System.err));
	}

	/**
	 * Run one command. Output is UTF-8 whatever the platform default, because the bytes are written to the streams
	 * directly rather than through their own charsets.
	 * @param args the command and its arguments
	 * @param in where {@code explain} reads URLs when none is given
	 * @param out where results go
	 * @param err where usage errors go
	 * @return the exit status: {@link #OK}, {@link #REFUSED} or {@link #USAGE}
	 */
	public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		PrintWriter output = utf8Writer(out);
		PrintWriter errors = utf8Writer(err);
		try {
			return run(Arrays.asList(args), new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
					output);
		}
		catch (UsageException ex) {
			errors.println("duality: " + ex.getMessage());
			errors.println();
			errors.print(USAGE_TEXT);
			return USAGE;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			output.flush();
			errors.flush();
		}
	}

	private int run(List<String> args, BufferedReader in, PrintWriter out) throws UsageException, IOException {
		if (args.isEmpty()) {
			throw new UsageException("no command given");
		}
		List<String> commandArgs = args.subList(1, args.size());
		return switch (args.get(0)) {
			case "explain" -> ExplainCommand.parse(commandArgs).execute(in, out);
			case "parameters" -> ParametersCommand.parse(commandArgs).execute(out);
			case "help", "--help", "-h" -> {
				out.print(USAGE_TEXT);
				yield OK;
			}
			default -> throw UsageException.unknown("command", args.get(0));
		};
	}

	private static PrintWriter utf8Writer(PrintStream stream) {
		return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
	}

}
