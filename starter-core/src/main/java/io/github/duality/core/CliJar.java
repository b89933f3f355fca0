package io.github.duality.core;

/**
 * Where the {@code explain} command line comes from: the self-contained {@code cli}-classifier jar published beside
 * this library (applications never carry it), fetched by Maven under one fixed name.
 */
public final class CliJar {

	/** The jar's name once fetched with {@link #fetchCommand()}. */
	public static final String FILE_NAME = "duality-core-cli.jar";

	private CliJar() {
	}

	/**
	 * The Maven command that copies the CLI of this library's version into the current directory as
	 * {@link #FILE_NAME}.
	 * @return a shell command
	 */
	public static String fetchCommand() {
		String version = CliJar.class.getPackage().getImplementationVersion();
		return "mvn dependency:copy -Dartifact=io.github.duality:duality-core:"
				+ ((version != null) ? version : "<version>") + ":jar:cli -Dmdep.stripVersion=true -DoutputDirectory=.";
	}

}
