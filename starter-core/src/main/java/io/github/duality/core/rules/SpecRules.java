package io.github.duality.core.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.Credentials;
import io.github.duality.core.model.Draft;
import io.github.duality.core.model.DraftValues;
import io.github.duality.core.model.Endpoints;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.model.Session;
import io.github.duality.core.model.SocketOptions;
import io.github.duality.core.model.SslMode;
import io.github.duality.core.model.Tls;
import io.github.duality.core.parameter.Parameter;
import io.github.duality.core.tls.KeyFiles;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * The rules that turn what the parsers claimed into the model: the effective TLS mode and trust anchors, the user
 * and database, the certificate and key files, and the combinations one driver cannot express are resolved here and
 * returned, never written back into the draft.
 */
public final class SpecRules {

	/** The host part of any URL, named as libpq and r2dbc name it (pgjdbc's PGHOST is no name a user writes). */
	private static final String HOST = Parameter.HOST.preferredName(ParameterFamily.LIBPQ);

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
	public SpecRules(LocalFiles files, String operatingSystemUser, String usernameSource,
			@Nullable TlsMaterial sslBundle) {
		this.files = files;
		this.sslBundle = sslBundle;
		this.operatingSystemUser = operatingSystemUser;
		this.usernameSource = usernameSource;
	}

	/**
	 * @param draft what the parsers claimed
	 * @param input the URL as given, for fixes that show the whole URL to write instead
	 * @param notes where remarks go
	 */
	public ConnectionSpec resolve(Draft draft, String input, List<String> notes) {
		DraftValues claimed = draft.values();
		ParameterFamily family = claimed.form().family();
		checkHosts(claimed.hosts());
		String user = (claimed.user() != null) ? claimed.user() : defaultUser(family, notes);
		refuseControlCharacters(claimed.database(), "database name", parameterName(Parameter.DATABASE, family));
		refuseControlCharacters(user, "user name", parameterName(Parameter.USER, family));
		if (claimed.database() != null && claimed.database().contains("=")) {
			// not repeated: it would hold whatever followed, a password included
			throw new InvalidConnectionUrlException("The database name holds an '=': what follows the path is "
					+ "probably parameters without their '?'.", parameterName(Parameter.DATABASE, family),
					"Put a '?' between the database name and the parameters.");
		}
		String database = claimed.database();
		if (database == null) {
			database = user;
			notes.add("no database given: " + user + " (the user name, the server's default) on both paths");
		}
		String applicationName = (claimed.applicationName() != null) ? claimed.applicationName()
				: claimed.fallbackApplicationName();
		if (this.sslBundle != null) {
			refuseTlsFilesBesideBundle(claimed, family);
		}
		SslMode sslMode = resolveSslMode(claimed, family, notes);
		Tls.Trust trust = resolveTrust(claimed, family, sslMode, notes);
		String rootCertificate = (trust instanceof Tls.Trust.RootCertificateFile file) ? file.path() : null;
		checkChannelBinding(claimed, family, sslMode, rootCertificate != null, input, notes);
		TlsMaterial material = checkFiles(claimed, family, sslMode, rootCertificate, notes);
		Endpoints endpoints = new Endpoints(claimed.hosts(), claimed.targetServerType(), claimed.loadBalanceHosts(),
				claimed.hostRecheck());
		if (endpoints.needsFailover() && endpoints.hosts().stream().anyMatch(HostAndPort::isIpv6)) {
			throw new InvalidConnectionUrlException("r2dbc cannot put an IPv6 address in a host list: its failover "
					+ "protocol (needed for several hosts, targetServerType or loadBalanceHosts) splits each entry at "
					+ "':'.", HOST, "Use host names, or a single IPv6 host without "
							+ "targetServerType and loadBalanceHosts.");
		}
		return new ConnectionSpec(claimed.form(), endpoints, new Credentials(user, claimed.password()),
				new Session(database, claimed.schema(), applicationName, claimed.sessionSettings(),
						claimed.preparedStatementCacheQueries()),
				new Tls(sslMode, trust, claimed.sslCert(), claimed.sslKey(), material, claimed.directSslNegotiation(),
						claimed.channelBinding()),
				new SocketOptions(claimed.connectTimeout(), claimed.tcpKeepAlive(), claimed.tcpNoDelay()),
				claimed.pgjdbcOnly(), claimed.r2dbcOnly());
	}

	/**
	 * libpq and pgjdbc connect as the operating-system user when none is given; r2dbc has no default, so the user is
	 * written on both paths. An r2dbc URL keeps r2dbc's own rule: no user is an error.
	 */
	private String defaultUser(ParameterFamily family, List<String> notes) {
		if (family == ParameterFamily.R2DBC) {
			throw new InvalidConnectionUrlException("No user is given; r2dbc-postgresql requires one.",
					parameterName(Parameter.USER, family),
					"Give the user in the URL (r2dbc:postgresql://user@host/database) or as " + this.usernameSource + ".");
		}
		notes.add("no user given: the operating-system user " + this.operatingSystemUser + " on both paths, as "
				+ family.displayName() + " does (at startup, the user the application runs as)");
		return this.operatingSystemUser;
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
				throw new InvalidConnectionUrlException("A host name holds an '@'.", HOST,
						"Write an '@' in the user name or password as %40.");
			}
			boolean valid = host.isIpv6() ? IPV6_ADDRESS.matcher(host.host()).matches()
					: HOST_NAME.matcher(host.host()).matches();
			if (!valid) {
				throw new InvalidConnectionUrlException(MessageText.shown(host.host()) + " is not a host name or IP address.",
						HOST, "Write an ASCII host name (the xn-- form for international names) or an IP address.");
			}
		}
	}

	private SslMode resolveSslMode(DraftValues claimed, ParameterFamily family, List<String> notes) {
		SslMode sslMode = (claimed.sslMode() != null) ? claimed.sslMode() : claimed.sslModeFromSslFlag();
		boolean systemTrust = family == ParameterFamily.LIBPQ && claimed.jdkTrustStore();
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
					+ "weaker modes with it).", parameterName(Parameter.SSL_MODE, ParameterFamily.LIBPQ),
					"Use sslmode=verify-full, or remove sslrootcert=system.");
		}
		if (family == ParameterFamily.LIBPQ && sslMode == SslMode.REQUIRE && claimed.sslRootCert() != null) {
			sslMode = SslMode.VERIFY_CA;
			notes.add("sslmode=require with sslrootcert: libpq then verifies the certificate chain, so verify-ca on "
					+ "both paths");
		}
		return sslMode;
	}

	/** The trust anchors: the file or store the URL names, else the default each form's driver would use. */
	private Tls.Trust resolveTrust(DraftValues claimed, ParameterFamily family, SslMode sslMode, List<String> notes) {
		if (claimed.jdkTrustStore() && claimed.sslRootCert() != null) {
			throw new InvalidConnectionUrlException("Both a root certificate file and the JDK trust store are asked "
					+ "for.", parameterName(Parameter.SSL_ROOT_CERT, family), "Give one of them.");
		}
		if (claimed.sslRootCert() != null) {
			return new Tls.Trust.RootCertificateFile(claimed.sslRootCert());
		}
		if (!sslMode.verifiesCertificate()) {
			return new Tls.Trust.None();
		}
		if (claimed.jdkTrustStore()) {
			return new Tls.Trust.JdkTrustStore();
		}
		if (this.sslBundle != null && this.sslBundle.trustManagers() != null) {
			notes.add("the server certificate is checked against the trust anchors of the " + this.sslBundle.describe()
					+ " on both paths");
			return new Tls.Trust.OfMaterial();
		}
		if (family == ParameterFamily.R2DBC) {
			notes.add("sslMode=" + sslMode + " without sslRootCert: r2dbc trusts the JDK's default trust store; "
					+ "pgjdbc gets sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory to trust the same");
			return new Tls.Trust.JdkTrustStore();
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
		notes.add("sslmode=" + sslMode + " without sslrootcert: pgjdbc's default " + defaultRootCert
				+ " written on both paths (r2dbc would otherwise trust the JDK's store)" + this.files.whereDefaultsCount());
		return new Tls.Trust.RootCertificateFile(defaultRootCert.toString());
	}

	private void checkChannelBinding(DraftValues claimed, ParameterFamily family, SslMode sslMode,
			boolean hasRootCertificate, String input, List<String> notes) {
		if (!"require".equals(claimed.channelBinding())) {
			return;
		}
		if (sslMode != SslMode.VERIFY_FULL) {
			throw new InvalidConnectionUrlException("channel binding=require cannot be enforced by r2dbc, which still "
					+ "connects when the server asks for md5, a clear-text password or nothing.",
					parameterName(Parameter.CHANNEL_BINDING, family),
					"Use sslmode=verify-full with it, which keeps a man in the middle out on both paths: "
							+ VerifyFullUrl.of(input, claimed.form(), hasRootCertificate)
							+ " (your password in place of " + Secrets.MASK + "), or remove it.");
		}
		notes.add("channel binding=require: enforced fully by pgjdbc; r2dbc enforces it for SCRAM only, "
				+ "verify-full authenticates the server on both paths");
	}

	/** Checks the TLS files and returns the client key both paths get in memory, if any. */
	private @Nullable TlsMaterial checkFiles(DraftValues claimed, ParameterFamily family, SslMode sslMode,
			@Nullable String rootCertificate, List<String> notes) {
		if (rootCertificate != null) {
			this.files.checkCertificates(rootCertificate, parameterName(Parameter.SSL_ROOT_CERT, family), notes);
		}
		if (this.sslBundle != null) {
			if (sslMode == SslMode.DISABLE) {
				throw new InvalidConnectionUrlException("An SSL bundle is given, and sslmode=disable turns TLS off.",
						parameterName(Parameter.SSL_MODE, family), "Remove sslmode=disable, or the SSL bundle.");
			}
			return this.sslBundle;
		}
		KeyFiles.Names names = new KeyFiles.Names(parameterName(Parameter.SSL_CERT, family),
				parameterName(Parameter.SSL_KEY, family), parameterName(Parameter.SSL_PASSWORD, family));
		String key = claimed.sslKey();
		if (key == null) {
			if (claimed.sslCert() != null) {
				throw new InvalidConnectionUrlException("A client certificate is given without its key.",
						names.certificate(), "Give its key as " + names.key() + " too, or remove " + names.certificate()
								+ ".");
			}
			return (sslMode != SslMode.DISABLE) ? this.files.readDefaultClientKey(notes).orElse(null) : null;
		}
		if (claimed.sslCert() == null && !KeyFiles.isPkcs12Store(key)) {
			throw new InvalidConnectionUrlException("A client key is given without its certificate.", names.key(),
					"Give the client certificate as " + names.certificate() + " too, or remove " + names.key() + ".");
		}
		return this.files.readClientKey(claimed.sslCert(), key, claimed.sslPassword(), names, notes).orElse(null);
	}

	/** The bundle supplies what these parameters would: two sources for one thing is a mistake. */
	private static void refuseTlsFilesBesideBundle(DraftValues claimed, ParameterFamily family) {
		Parameter given = (claimed.sslRootCert() != null || claimed.jdkTrustStore()) ? Parameter.SSL_ROOT_CERT
				: (claimed.sslCert() != null) ? Parameter.SSL_CERT : (claimed.sslKey() != null) ? Parameter.SSL_KEY
						: (claimed.sslPassword() != null) ? Parameter.SSL_PASSWORD : null;
		if (given != null) {
			String name = parameterName(given, family);
			throw new InvalidConnectionUrlException("The URL names " + name + ", and an SSL bundle is given too: "
					+ "the bundle supplies the trust anchors and the client certificate.", name,
					"Remove " + name + " from the URL, or remove the SSL bundle.");
		}
	}

	private static String parameterName(Parameter parameter, ParameterFamily family) {
		return parameter.preferredName(family);
	}

}
