package io.github.duality.core;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Completes and checks what the parsers read: the effective TLS mode and trust anchors, the user and database, the
 * certificate and key files, and the combinations one driver cannot express.
 */
final class SpecValidator {

	private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");

	private static final Pattern IPV6_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

	private static final String RSA = "RSA";

	private static final String PEM_KEY_ALGORITHM = "pemKeyAlgorithm";

	private final LocalFiles files;

	private final String operatingSystemUser;

	private final String usernameSource;

	/**
	 * @param files the certificate and key files, and the drivers' {@code ~/.postgresql/} defaults
	 * @param operatingSystemUser the user libpq and pgjdbc connect as when the URL names none
	 * @param usernameSource where a user beside the URL is given, in the user's words, for the fix when none is
	 */
	SpecValidator(LocalFiles files, String operatingSystemUser, String usernameSource) {
		this.files = files;
		this.operatingSystemUser = operatingSystemUser;
		this.usernameSource = usernameSource;
	}

	/**
	 * @param builder what the parsers read
	 * @param input the URL as given, for fixes that show the whole URL to write instead
	 * @param notes where remarks go
	 */
	ConnectionSpec validate(ConnectionSpec.Builder builder, String input, List<String> notes) {
		ParameterFamily family = builder.form().family();
		checkHosts(builder.hosts());
		if (builder.user() == null) {
			defaultUser(builder, family, notes);
		}
		refuseControlCharacters(builder.database(), "database name", parameterName(Parameter.DATABASE, family));
		refuseControlCharacters(builder.user(), "user name", "user");
		if (builder.database() != null && builder.database().contains("=")) {
			// not repeated: it would hold whatever followed, a password included
			throw new InvalidConnectionUrlException("The database name holds an '=': what follows the path is "
					+ "probably parameters without their '?'.", parameterName(Parameter.DATABASE, family),
					"Put a '?' between the database name and the parameters.");
		}
		if (builder.database() == null) {
			builder.database(builder.user(), "the default (the user name)");
			notes.add("no database given: " + builder.user() + " (the user name, the server's default) on both paths");
		}
		if (builder.applicationName() == null && builder.fallbackApplicationName() != null) {
			builder.applicationName(builder.fallbackApplicationName(), "fallback_application_name");
		}
		SslMode sslMode = resolveSslMode(builder, family, notes);
		resolveTrust(builder, family, sslMode, notes);
		checkChannelBinding(builder, family, sslMode, input, notes);
		checkFiles(builder, family, sslMode, notes);
		ConnectionSpec spec = builder.build();
		if (spec.endpoints().needsFailover() && spec.endpoints().hosts().stream().anyMatch(HostAndPort::isIpv6)) {
			throw new InvalidConnectionUrlException("r2dbc cannot put an IPv6 address in a host list: its failover "
					+ "protocol (needed for several hosts, targetServerType or loadBalanceHosts) splits each entry at "
					+ "':'.", "host", "Use host names, or a single IPv6 host without targetServerType and "
							+ "loadBalanceHosts.");
		}
		return spec;
	}

	/**
	 * libpq and pgjdbc connect as the operating-system user when none is given; r2dbc has no default, so the user is
	 * written on both paths. An r2dbc URL keeps r2dbc's own rule: no user is an error.
	 */
	private void defaultUser(ConnectionSpec.Builder builder, ParameterFamily family, List<String> notes) {
		if (family == ParameterFamily.R2DBC) {
			throw new InvalidConnectionUrlException("No user is given; r2dbc-postgresql requires one.", "user",
					"Give the user in the URL (r2dbc:postgresql://user@host/database) or as " + this.usernameSource + ".");
		}
		builder.user(this.operatingSystemUser, "the operating-system user");
		notes.add("no user given: the operating-system user " + this.operatingSystemUser + " on both paths, as "
				+ family.displayName() + " does (at startup, the user the application runs as)");
	}

	/** A newline in a name is a pasting accident (or a log injection), never a real database or role. */
	private static void refuseControlCharacters(@Nullable String name, String what, String parameter) {
		if (name != null && name.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidConnectionUrlException("The " + what + " holds a control character (a newline or a tab, "
					+ "say).", parameter, "Remove it; percent-encoded as %0A, %0D or %09, it is still one.");
		}
	}

	private void checkHosts(List<HostAndPort> hosts) {
		for (HostAndPort host : hosts) {
			if (host.host().contains("@")) {
				// the host is not repeated: it is most likely the rest of a password
				throw new InvalidConnectionUrlException("A host name holds an '@'.", "host",
						"Write an '@' in the user name or password as %40.");
			}
			boolean valid = host.isIpv6() ? IPV6_ADDRESS.matcher(host.host()).matches()
					: HOST_NAME.matcher(host.host()).matches();
			if (!valid) {
				throw new InvalidConnectionUrlException(UrlSyntax.shown(host.host()) + " is not a host name or IP address.",
						"host", "Write an ASCII host name (the xn-- form for international names) or an IP address.");
			}
		}
	}

	private SslMode resolveSslMode(ConnectionSpec.Builder builder, ParameterFamily family, List<String> notes) {
		SslMode sslMode = builder.sslMode();
		boolean systemTrust = family == ParameterFamily.LIBPQ && builder.isJdkTrustStore();
		if (sslMode == null) {
			sslMode = builder.sslModeFromSslFlag();
		}
		if (sslMode == null) {
			if (family == ParameterFamily.R2DBC) {
				sslMode = SslMode.DISABLE;
				notes.add("sslMode not set: using disable on both paths (r2dbc's own default; pgjdbc's would be "
						+ "prefer)");
			}
			else if (systemTrust) {
				sslMode = SslMode.VERIFY_FULL;
				notes.add("sslmode not set with sslrootcert=system: using verify-full on both paths (libpq's rule)");
			}
			else {
				sslMode = SslMode.PREFER;
				notes.add("sslmode not set: using prefer on both paths (r2dbc's own default is disable)");
			}
		}
		if (systemTrust && sslMode != SslMode.VERIFY_FULL) {
			throw new InvalidConnectionUrlException("sslrootcert=system needs sslmode=verify-full (libpq refuses "
					+ "weaker modes with it).", "sslmode", "Use sslmode=verify-full, or remove sslrootcert=system.");
		}
		if (family == ParameterFamily.LIBPQ && sslMode == SslMode.REQUIRE && builder.sslRootCert() != null) {
			sslMode = SslMode.VERIFY_CA;
			notes.add("sslmode=require with sslrootcert: libpq then verifies the certificate chain, so verify-ca on "
					+ "both paths");
		}
		builder.resolvedSslMode(sslMode);
		return sslMode;
	}

	private void resolveTrust(ConnectionSpec.Builder builder, ParameterFamily family, SslMode sslMode,
			List<String> notes) {
		if (builder.isJdkTrustStore() && builder.sslRootCert() != null) {
			throw new InvalidConnectionUrlException("Both a root certificate file and the JDK trust store are asked "
					+ "for.", parameterName(Parameter.SSL_ROOT_CERT, family), "Give one of them.");
		}
		if (!sslMode.verifiesCertificate() || builder.sslRootCert() != null || builder.isJdkTrustStore()) {
			return;
		}
		if (family == ParameterFamily.R2DBC) {
			builder.jdkTrustStore();
			notes.add("sslMode=" + sslMode + " without sslRootCert: r2dbc trusts the JDK's default trust store; "
					+ "pgjdbc gets sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory to trust the same");
			return;
		}
		Path defaultRootCert = this.files.defaultRootCertificate();
		if (!this.files.hasDefaultRootCertificate()) {
			throw new InvalidConnectionUrlException("sslmode=" + sslMode + " needs trust anchors, and none is given: "
					+ "pgjdbc would look for " + defaultRootCert + ", which does not exist, and r2dbc would trust the "
					+ "JDK's store instead.", parameterName(Parameter.SSL_ROOT_CERT, family),
					"Set sslrootcert to the PEM file of the CA that signed the server's certificate"
							+ ((family == ParameterFamily.LIBPQ) ? ", or sslrootcert=system to trust the JDK's store."
									: ", or sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory to trust the JDK's "
											+ "store."));
		}
		builder.sslRootCert(defaultRootCert.toString());
		notes.add("sslmode=" + sslMode + " without sslrootcert: pgjdbc's default " + defaultRootCert
				+ " written on both paths (r2dbc would otherwise trust the JDK's store)" + this.files.whereDefaultsCount());
	}

	private void checkChannelBinding(ConnectionSpec.Builder builder, ParameterFamily family, SslMode sslMode,
			String input, List<String> notes) {
		if (!"require".equals(builder.channelBinding())) {
			return;
		}
		if (sslMode != SslMode.VERIFY_FULL) {
			throw new InvalidConnectionUrlException("channel binding=require cannot be enforced by r2dbc, which still "
					+ "connects when the server asks for md5, a clear-text password or nothing.",
					parameterName(Parameter.CHANNEL_BINDING, family),
					"Use sslmode=verify-full with it, which keeps a man in the middle out on both paths: "
							+ VerifyFullUrl.of(input, builder.form(), builder.sslRootCert() != null)
							+ " (your password in place of " + Secrets.MASK + "), or remove it.");
		}
		notes.add("channel binding=require: enforced fully by pgjdbc; r2dbc enforces it for SCRAM only, "
				+ "verify-full authenticates the server on both paths");
	}

	private void checkFiles(ConnectionSpec.Builder builder, ParameterFamily family, SslMode sslMode,
			List<String> notes) {
		if (builder.sslRootCert() != null) {
			this.files.checkCertificates(builder.sslRootCert(), parameterName(Parameter.SSL_ROOT_CERT, family), notes);
		}
		if ((builder.sslCert() == null) != (builder.sslKey() == null)) {
			throw new InvalidConnectionUrlException("A client certificate and its key must be given together.",
					parameterName((builder.sslCert() == null) ? Parameter.SSL_CERT : Parameter.SSL_KEY, family),
					"Give both sslcert and sslkey, or neither.");
		}
		if (builder.sslKey() != null) {
			this.files.checkCertificates(builder.sslCert(), parameterName(Parameter.SSL_CERT, family), notes);
			this.files.checkKey(builder.sslKey(), parameterName(Parameter.SSL_KEY, family), notes)
				.ifPresent((algorithm) -> pemKeyAlgorithm(builder, algorithm, notes));
		}
		else if (sslMode != SslMode.DISABLE) {
			this.files.checkDefaultClientKey(notes);
		}
	}

	private void pemKeyAlgorithm(ConnectionSpec.Builder builder, String algorithm, List<String> notes) {
		String given = builder.pgjdbcOnly().get(PEM_KEY_ALGORITHM);
		if (given != null && !given.equalsIgnoreCase(algorithm)) {
			throw new InvalidConnectionUrlException("pemKeyAlgorithm=" + given + " does not match the " + algorithm
					+ " key in sslkey.", PEM_KEY_ALGORITHM, "Remove pemKeyAlgorithm; duality sets it from the key.");
		}
		if (!algorithm.equals(RSA) && given == null) {
			builder.pgjdbcOnly(PEM_KEY_ALGORITHM, algorithm);
			notes.add("the client key is " + algorithm + ": pgjdbc gets pemKeyAlgorithm=" + algorithm
					+ " (it reads PEM keys as RSA otherwise)");
		}
	}

	private static String parameterName(Parameter parameter, ParameterFamily family) {
		return parameter.names(family).get(0);
	}

}
