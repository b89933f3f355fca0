package io.github.duality.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.duality.core.tls.KeyFiles;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * Completes and checks what the parsers read: the effective TLS mode and trust anchors, the user and database, the
 * certificate and key files, and the combinations one driver cannot express.
 */
final class SpecValidator {

	private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");

	private static final Pattern IPV6_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

	private final LocalFiles files;

	private final @Nullable TlsMaterial sslBundle;

	private final String operatingSystemUser;

	private final String usernameSource;

	/**
	 * @param files the certificate and key files, and the drivers' {@code ~/.postgresql/} defaults
	 * @param operatingSystemUser the user libpq and pgjdbc connect as when the URL names none
	 * @param usernameSource where a user beside the URL is given, in the user's words, for the fix when none is
	 * @param sslBundle trust anchors and, optionally, a client key given beside the URL, or {@code null}
	 */
	SpecValidator(LocalFiles files, String operatingSystemUser, String usernameSource, @Nullable TlsMaterial sslBundle) {
		this.files = files;
		this.sslBundle = sslBundle;
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
		if (this.sslBundle != null) {
			refuseTlsFilesBesideBundle(builder, family);
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
				throw new InvalidConnectionUrlException(MessageText.shown(host.host()) + " is not a host name or IP address.",
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
			else if (this.sslBundle != null) {
				sslMode = SslMode.VERIFY_FULL;
				notes.add("sslmode not set with an SSL bundle: using verify-full on both paths");
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
		if (this.sslBundle != null && this.sslBundle.trustManagers() != null) {
			builder.materialTrust();
			notes.add("the server certificate is checked against the trust anchors of the " + this.sslBundle.describe()
					+ " on both paths");
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
		if (this.sslBundle != null) {
			if (sslMode == SslMode.DISABLE) {
				throw new InvalidConnectionUrlException("An SSL bundle is given, and sslmode=disable turns TLS off.",
						parameterName(Parameter.SSL_MODE, family), "Remove sslmode=disable, or the SSL bundle.");
			}
			builder.tlsMaterial(this.sslBundle);
			return;
		}
		KeyFiles.Names names = new KeyFiles.Names(parameterName(Parameter.SSL_CERT, family),
				parameterName(Parameter.SSL_KEY, family), parameterName(Parameter.SSL_PASSWORD, family));
		String key = builder.sslKey();
		if (key == null) {
			if (builder.sslCert() != null) {
				throw new InvalidConnectionUrlException("A client certificate is given without its key.",
						names.certificate(), "Give its key as " + names.key() + " too, or remove " + names.certificate()
								+ ".");
			}
			if (sslMode != SslMode.DISABLE) {
				this.files.readDefaultClientKey(notes).ifPresent(builder::tlsMaterial);
			}
			return;
		}
		if (builder.sslCert() == null && !isPkcs12(key)) {
			throw new InvalidConnectionUrlException("A client key is given without its certificate.", names.key(),
					"Give the client certificate as " + names.certificate() + " too, or remove " + names.key() + ".");
		}
		this.files.readClientKey(builder.sslCert(), key, builder.sslPassword(), names, notes)
			.ifPresent(builder::tlsMaterial);
	}

	/** A PKCS#12 store holds the certificate chain with the key. */
	private static boolean isPkcs12(String keyFile) {
		String lowerCase = keyFile.toLowerCase(Locale.ROOT);
		return lowerCase.endsWith(".p12") || lowerCase.endsWith(".pfx");
	}

	/** The bundle supplies what these parameters would: two sources for one thing is a mistake. */
	private static void refuseTlsFilesBesideBundle(ConnectionSpec.Builder builder, ParameterFamily family) {
		Parameter given = (builder.sslRootCert() != null || builder.isJdkTrustStore()) ? Parameter.SSL_ROOT_CERT
				: (builder.sslCert() != null) ? Parameter.SSL_CERT : (builder.sslKey() != null) ? Parameter.SSL_KEY
						: (builder.sslPassword() != null) ? Parameter.SSL_PASSWORD : null;
		if (given != null) {
			String name = parameterName(given, family);
			throw new InvalidConnectionUrlException("The URL names " + name + ", and an SSL bundle is given too: "
					+ "the bundle supplies the trust anchors and the client certificate.", name,
					"Remove " + name + " from the URL, or remove the SSL bundle.");
		}
	}

	private static String parameterName(Parameter parameter, ParameterFamily family) {
		return parameter.names(family).get(0);
	}

}
