package io.github.duality.core.tls;

/**
 * A client key or certificate file that cannot be used, with what to do about it.
 */
public class KeyFileException extends RuntimeException {

	private final String parameter;

	private final String fix;

	public KeyFileException(String parameter, String problem, String fix) {
		super(problem);
		this.parameter = parameter;
		this.fix = fix;
	}

	/** The parameter that names the file, as the user spelled it. */
	public String getParameter() {
		return this.parameter;
	}

	/** What is wrong, naming the file. */
	public String getProblem() {
		return getMessage();
	}

	/** What to do about it, in the user's words. */
	public String getFix() {
		return this.fix;
	}

}
