package io.github.duality.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts about the machine for the report's header, from {@code /proc} where Linux has them.
 */
final class Machine {

	private Machine() {
	}

	static String description() {
		String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch");
		String memory = procField("/proc/meminfo", "MemTotal:\\s+(\\d+) kB");
		String ram = memory.equals("?") ? "" : ", " + Math.round(Long.parseLong(memory) / 1048576.0) + " GiB RAM";
		return os + ", " + procField("/proc/cpuinfo", "model name\\s*:\\s*(.+)") + ram;
	}

	static int cores() {
		return Runtime.getRuntime().availableProcessors();
	}

	static String jdk() {
		return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
	}

	/** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String procField(String file, String pattern) {
		try {
			Matcher matcher = Pattern.compile(pattern).matcher(Files.readString(Path.of(file)));
			return matcher.find() ? matcher.group(1).strip() : "?";
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
