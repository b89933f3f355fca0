package io.github.duality.core;

/**
 * Whether deriving a URL reads the TLS files it names and the drivers' {@code ~/.postgresql/} defaults.
 */
public enum FileChecks {

	/** Read and check them: what the application does at startup, where the files must be. */
	READ,

	/**
	 * Touch no file: for validating a URL on another machine (a deploy pipeline's runner), where the files usually do
	 * not exist. Whatever the URL alone decides is still checked; notes say what each file must be where the
	 * application runs.
	 */
	SKIP

}
