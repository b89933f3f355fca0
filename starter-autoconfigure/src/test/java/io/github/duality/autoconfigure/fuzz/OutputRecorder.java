package io.github.duality.autoconfigure.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything printed while it records: {@code System.out} and {@code System.err} (where Logback's console appender
 * writes) and java.util.logging (pgjdbc's logging, whose console handler holds the original {@code System.err}).
 * Unlike Boot's {@code OutputCaptureExtension} it can be emptied between inputs, so that each input's output is
 * checked on its own in linear time.
 */
final class OutputRecorder implements AutoCloseable {

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final PrintStream originalOut = System.out;

	private final PrintStream originalErr = System.err;

	private final Logger julRoot = Logger.getLogger("");

	private final Handler julHandler = new Handler() {

		private final SimpleFormatter formatter = new SimpleFormatter();

		@Override
		public void publish(LogRecord record) {
			synchronized (OutputRecorder.this.buffer) {
				OutputRecorder.this.buffer.writeBytes(this.formatter.format(record).getBytes(StandardCharsets.UTF_8));
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	OutputRecorder() {
		PrintStream recording = new PrintStream(this.buffer, true, StandardCharsets.UTF_8);
		System.setOut(recording);
		System.setErr(recording);
		this.julRoot.addHandler(this.julHandler);
	}

	/** What was printed since the last call. */
	String take() {
		synchronized (this.buffer) {
			String output = this.buffer.toString(StandardCharsets.UTF_8);
			this.buffer.reset();
			return output;
		}
	}

	@Override
	public void close() {
		this.julRoot.removeHandler(this.julHandler);
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
	}

}
