package io.github.duality.core.cli;

/**
 * Where the {@code explain} command line comes from: the self-contained {@code cli}-classifier jar published beside
 * this library (applications never carry it), saved under one fixed name (README, "explain", gives the command).
 */
final class CliJar {

	/** The jar's name as the README's command saves it. */
	static final String FILE_NAME = "duality-core-cli.jar";

	private CliJar() {
	}

}
