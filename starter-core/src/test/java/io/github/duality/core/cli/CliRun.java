package io.github.duality.core.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One in-process run of {@link DualityCli}: its exit status and what it wrote, decoded as UTF-8.
 */
record CliRun(int status, String out, String err) {

	static CliRun run(String stdin, String... args) {
		// The streams' own charset is deliberately not UTF-8: the CLI must write UTF-8 bytes regardless
		Charset streamCharset = StandardCharsets.ISO_8859_1;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new DualityCli().run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, streamCharset), new PrintStream(err, true, streamCharset));
		return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	List<String> outLines() {
		return Arrays.asList(this.out.split("\\R"));
	}

}
