package io.github.duality.testsupport;

import java.util.Locale;

/**
 * A way to provision the test PostgreSQL, named as the system property {@value ProviderOrder#PROPERTY} lists it.
 * Declared in the default order: what a machine already has comes before the download every build can make.
 */
enum Provider {

	/** Testcontainers, when a Docker engine answers. */
	DOCKER("no Docker engine answers (Testcontainers)"),

	/** The PostgreSQL server binaries installed on this machine. */
	LOCAL("no PostgreSQL server binaries (initdb, pg_ctl) via 'pg_config --bindir' or in /usr/lib/postgresql/*/bin"),

	/** The server binaries of the Maven artifact the build resolved for this OS and architecture. */
	MAVEN("no " + ArtifactBinaries.GROUP_ID + ":" + ArtifactBinaries.ARTIFACT_PREFIX + "* artifact on the classpath "
			+ "(test-support has one for Linux, macOS and Windows on x86-64 and arm64; this is "
			+ System.getProperty("os.name") + " on " + System.getProperty("os.arch") + ")");

	private final String absence;

	Provider(String absence) {
		this.absence = absence;
	}

	/**
	 * The provider's name in {@value ProviderOrder#PROPERTY}.
	 * @return {@code docker}, {@code local} or {@code maven}
	 */
	String propertyValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Why this provider cannot run a server here, for the failure message when none can.
	 * @return what is missing
	 */
	String absence() {
		return this.absence;
	}

}
