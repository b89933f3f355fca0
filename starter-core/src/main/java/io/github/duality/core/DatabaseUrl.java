package io.github.duality.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: one PostgreSQL URL, in any accepted form, plus optional credentials, derived into a pgjdbc target
 * and an r2dbc-postgresql target that mean the same thing.
 * <p>
 * Accepted forms: {@code jdbc:postgresql:} (read by pgjdbc), {@code postgres://} and {@code postgresql://} (libpq
 * rules), {@code postgresql+asyncpg://}, {@code +psycopg2}, {@code +psycopg}, {@code +pg8000} (SQLAlchemy, libpq
 * rules), and {@code r2dbc:postgresql://}, {@code r2dbc:postgres://}, {@code r2dbcs:}, {@code r2dbc:pool:} and
 * {@code :failover} (read by r2dbc-spi).
 */
public final class DatabaseUrl {

	private static final Pattern PLAIN_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,30}");

	private DatabaseUrl() {
	}

	/**
	 * Derive both driver targets.
	 * @param url the URL, in any accepted form
	 * @param username the user, or {@code null}; if the URL names one too, both must agree
	 * @param password the password, or {@code null}; if the URL holds one too, both must agree
	 * @return both targets, the model and notes on what was converted
	 * @throws InvalidConnectionUrlException for any input that cannot become two faithful targets; its texts are
	 * masked
	 */
	public static DerivedConnection derive(@Nullable String url, @Nullable String username,
			@Nullable String password) {
		return derive(url, username, password, FileChecks.READ);
	}

	/**
	 * Derive both driver targets, reading the TLS files the URL names or not.
	 * @param url the URL, in any accepted form
	 * @param username the user, or {@code null}; if the URL names one too, both must agree
	 * @param password the password, or {@code null}; if the URL holds one too, both must agree
	 * @param fileChecks {@link FileChecks#SKIP} to validate a URL away from the machine where the application runs
	 * @return both targets, the model and notes on what was converted (and, with {@code SKIP}, on what each file must
	 * be)
	 * @throws InvalidConnectionUrlException for any input that cannot become two faithful targets; its texts are
	 * masked
	 */
	public static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			FileChecks fileChecks) {
		return derive(url, username, password, null, PoolerHint.AUTO, fileChecks);
	}

	/**
	 * Derive both driver targets, with migrations going to their own endpoint when a transaction pooler is in front.
	 * @param url the URL, in any accepted form; the application connects there
	 * @param username the user, or {@code null}; if a URL names one too, both must agree
	 * @param password the password, or {@code null}; if a URL holds one too, both must agree
	 * @param migrationUrl the direct endpoint for migrations, in any accepted form, or {@code null}; what it leaves
	 * out (user, password, TLS files, session settings) comes from {@code url}
	 * @param poolerHint whether a transaction pooler is in front of {@code url}, beyond what the URL shows
	 * @param fileChecks {@link FileChecks#SKIP} to validate a URL away from the machine where the application runs
	 * @return both targets; {@link DerivedConnection#migration()} says where migrations go
	 * @throws InvalidConnectionUrlException for any input that cannot become two faithful targets, a
	 * {@link MigrationUrlException} when the fault is the migration URL's; its texts are masked
	 */
	public static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			@Nullable String migrationUrl, PoolerHint poolerHint, FileChecks fileChecks) {
		return derive(url, username, password, migrationUrl, poolerHint, fileChecks, CredentialSources.ARGUMENTS);
	}

	/**
	 * {@link #derive(String, String, String, String, PoolerHint, FileChecks)}, with the credentials given beside the
	 * URL named as the caller's user knows them (for example {@code spring.datasource.username}) in every message
	 * about them.
	 * @param sources what the user calls the places {@code username} and {@code password} come from
	 */
	public static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			@Nullable String migrationUrl, PoolerHint poolerHint, FileChecks fileChecks, CredentialSources sources) {
		return derive(url, username, password, migrationUrl, poolerHint, fileChecks, sources, null);
	}

	/**
	 * {@link #derive(String, String, String, String, PoolerHint, FileChecks, CredentialSources)}, with trust anchors
	 * and, optionally, a client key given beside the URL (a Spring Boot SSL bundle), for both paths.
	 * @param sslBundle the material, or {@code null}; the URL may then name no TLS files, and {@code sslmode} is
	 * {@code verify-full} unless it says otherwise
	 */
	public static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			@Nullable String migrationUrl, PoolerHint poolerHint, FileChecks fileChecks, CredentialSources sources,
			@Nullable TlsMaterial sslBundle) {
		return derive(url, username, password, migrationUrl, poolerHint, Path.of(System.getProperty("user.home")),
				fileChecks, sources, sslBundle);
	}

	/**
	 * Derive both driver targets, reading files and looking for the drivers' {@code .postgresql/} defaults under
	 * {@code home}.
	 */
	static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			Path home) {
		return derive(url, username, password, home, FileChecks.READ);
	}

	static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			Path home, FileChecks fileChecks) {
		return derive(url, username, password, null, PoolerHint.AUTO, home, fileChecks);
	}

	static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			@Nullable String migrationUrl, PoolerHint poolerHint, Path home, FileChecks fileChecks) {
		return derive(url, username, password, migrationUrl, poolerHint, home, fileChecks,
				CredentialSources.ARGUMENTS, null);
	}

	static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			@Nullable String migrationUrl, PoolerHint poolerHint, Path home, FileChecks fileChecks,
			CredentialSources sources, @Nullable TlsMaterial sslBundle) {
		if (url == null || url.isBlank()) {
			throw new InvalidConnectionUrlException("No database URL is given.", null,
					"Set one, for example postgresql://user@host:5432/database.");
		}
		Draft application = new Draft(url.strip(), username, password, sources);
		List<String> notes = new ArrayList<>();
		application.parse(notes);
		Draft migration = (migrationUrl != null) ? Draft.migrationUrl(migrationUrl, application) : null;
		try {
			Optional<TransactionPooler> pooler = Poolers.recognise(application.builder.hosts(),
					application.builder.isTransactionPoolerDeclared(), poolerHint);
			if (migration != null) {
				refuseTransactionPooler(migration.builder);
			}
			else if (pooler.isPresent() && pooler.get().knowsDirectEndpoint()) {
				migration = Draft.direct(application, pooler.get().directHosts());
			}
			pooler.ifPresent((found) -> noServerSidePreparedStatements(application.builder, found, notes));
			SpecValidator validator = new SpecValidator(localFiles(home, fileChecks),
					System.getProperty("user.name"), sources.username(), sslBundle);
			ConnectionSpec spec = validator.validate(application.builder, application.input, notes);
			notes.add("migrations always connect to the primary (targetServerType=primary, no load balancing)");
			MigrationPath migrationPath = migrationPath(migration, spec, pooler.orElse(null), validator, notes);
			return new DerivedConnection(application.maskedInput(), spec, JdbcRenderer.render(spec, false),
					migrationPath, R2dbcRenderer.render(spec), pooler.orElse(null), notes);
		}
		catch (MigrationUrlException ex) {
			throw (MigrationUrlException) masked(ex, application, migration);
		}
		catch (InvalidConnectionUrlException ex) {
			throw masked(ex, application, migration);
		}
		catch (RuntimeException ex) {
			// a driver parser failed in a way not foreseen here: still one exception type, still masked
			throw masked(new InvalidConnectionUrlException("The URL cannot be read: " + Secrets.mask(ex.toString()),
					null, null), application, migration);
		}
	}

	/** The TLS files read where the application runs, or only described where it does not. */
	private static LocalFiles localFiles(Path home, FileChecks fileChecks) {
		return (fileChecks == FileChecks.READ) ? new ReadLocalFiles(home) : new DescribedLocalFiles(home);
	}

	private static MigrationPath migrationPath(@Nullable Draft migration, ConnectionSpec applicationSpec,
			@Nullable TransactionPooler pooler, SpecValidator validator, List<String> notes) {
		if (migration == null) {
			return (pooler == null) ? MigrationPath.applicationUrl(JdbcRenderer.render(applicationSpec, true))
					: MigrationPath.refused(pooler);
		}
		List<String> migrationNotes = new ArrayList<>();
		ConnectionSpec spec = migration.validate(validator, migrationNotes);
		if (pooler != null && migration.derived) {
			notes.add("migrations go to " + spec.endpoints().hosts().get(0) + " (" + pooler.directForm() + "), not "
					+ "through " + pooler.describe());
			return MigrationPath.providerConvention(JdbcRenderer.render(spec, true), pooler);
		}
		checkSameDatabase(applicationSpec, spec);
		checkTlsAtLeast(applicationSpec, spec);
		migrationNotes.stream()
			.filter((note) -> !notes.contains(note))
			.forEach((note) -> notes.add("migration URL: " + note));
		return MigrationPath.migrationUrl(JdbcRenderer.render(spec, true), migration.maskedInput());
	}

	private static void refuseTransactionPooler(ConnectionSpec.Builder migration) {
		Poolers.recogniseKnown(migration.hosts(), migration.isTransactionPoolerDeclared()).ifPresent((pooler) -> {
			throw new MigrationUrlException("The migration URL goes through " + pooler.describe()
					+ " too: migrations need a session of their own.",
					null, "Give the direct endpoint (" + pooler.directForm() + ").");
		});
	}

	private static void checkSameDatabase(ConnectionSpec application, ConnectionSpec migration) {
		String database = application.session().database();
		if (!database.equals(migration.session().database())) {
			throw new MigrationUrlException("The migration URL names the database "
					+ MessageText.shown(migration.session().database()) + ", the application's URL "
					+ MessageText.shown(database) + ": migrations would change a database the application does not use.",
					"database", "Point the migration URL at " + MessageText.shown(database)
							+ ", or leave its database out: it then takes the application's.");
		}
	}

	private static void checkTlsAtLeast(ConnectionSpec application, ConnectionSpec migration) {
		SslMode required = application.tls().mode();
		SslMode given = migration.tls().mode();
		if (given.compareTo(required) < 0) {
			throw new MigrationUrlException("The migration URL's TLS (sslmode " + given + ") is weaker than the "
					+ "application's (sslmode " + required + "): the migration role's password and the schema "
					+ "would cross the network with less protection than the application's queries.", "sslmode",
					"Give the migration URL sslmode=" + required + ", or leave sslmode out: it then takes the "
							+ "application's.");
		}
	}

	/**
	 * Through a transaction pooler, a statement prepared in one transaction may be gone in the next: both drivers
	 * get no server-side prepared statements on the application path.
	 */
	private static void noServerSidePreparedStatements(ConnectionSpec.Builder builder, TransactionPooler pooler,
			List<String> notes) {
		builder.preparedStatementCacheQueries(0);
		builder.pgjdbcOnly("prepareThreshold", "0");
		notes.add(pooler.describe() + " in front, so no server-side prepared statements "
				+ "on the application path (pgjdbc prepareThreshold=0 and "
				+ "preparedStatementCacheQueries=0, r2dbc preparedStatementCacheQueries=0)"
				+ (pooler.evidence().equals("pgbouncer=true") ? "; libpq itself does not know the parameter" : ""));
	}

	private static UrlForm formOf(String url) {
		Optional<UrlForm> form = UrlForm.of(url);
		if (form.isPresent()) {
			return form.get();
		}
		int colon = url.indexOf(':');
		String scheme = (colon > 0) ? url.substring(0, colon) : "";
		String shown = PLAIN_SCHEME.matcher(scheme).matches() ? "'" + scheme + ":' " : "";
		int schemeEnd = url.indexOf("://");
		String lowerCasePrefix = (schemeEnd > 0) ? url.substring(0, schemeEnd + 3).toLowerCase(Locale.ROOT) : "";
		if (!lowerCasePrefix.isEmpty() && MessageText.isPlain(lowerCasePrefix)
				&& UrlForm.of(lowerCasePrefix + url.substring(schemeEnd + 3)).isPresent()) {
			throw new InvalidConnectionUrlException("The URL scheme " + shown + "is written in upper case: libpq, "
					+ "pgjdbc and r2dbc read schemes case-sensitively, so psql and every other tool would refuse it "
					+ "too.", null, "Did you mean '" + lowerCasePrefix + "'?");
		}
		throw new InvalidConnectionUrlException("The URL scheme " + shown + "is not one of the accepted PostgreSQL "
				+ "URL forms.", null, "Use " + UrlForm.ACCEPTED_SCHEMES + ".");
	}

	private static InvalidConnectionUrlException masked(InvalidConnectionUrlException ex, Draft application,
			@Nullable Draft migration) {
		List<String> secrets = application.secrets();
		if (migration != null) {
			secrets.addAll(migration.secrets());
		}
		String problem = Secrets.maskKnown(ex.getProblem(), secrets);
		String fix = Secrets.maskKnown(ex.getFix(), secrets);
		return (ex instanceof MigrationUrlException) ? new MigrationUrlException(problem, ex.getParameter(), fix)
				: new InvalidConnectionUrlException(problem, ex.getParameter(), fix);
	}

	/**
	 * One URL as the parsers read it, before the rules complete it.
	 */
	private static final class Draft {

		private final String input;

		private final @Nullable String username;

		private final @Nullable String password;

		private final CredentialSources sources;

		private final ConnectionSpec.Builder builder;

		/** Whether the draft is a provider's direct endpoint rather than a URL given by the user. */
		private final boolean derived;

		private Draft(String input, @Nullable String username, @Nullable String password, CredentialSources sources) {
			this(input, username, password, sources, new ConnectionSpec.Builder(formOf(input)), false);
		}

		private Draft(String input, @Nullable String username, @Nullable String password, CredentialSources sources,
				ConnectionSpec.Builder builder, boolean derived) {
			this.input = input;
			this.username = username;
			this.password = password;
			this.sources = sources;
			this.builder = builder;
			this.derived = derived;
		}

		/** The migration URL, completed with what it leaves out from the application's. */
		static Draft migrationUrl(String url, Draft application) {
			Draft migration;
			try {
				migration = new Draft(url.strip(), application.username, application.password, application.sources);
			}
			catch (InvalidConnectionUrlException ex) {
				throw new MigrationUrlException(ex.getProblem(), ex.getParameter(), ex.getFix());
			}
			migration.parseAsMigrationUrl();
			migration.builder.inheritUnset(application.builder);
			return migration;
		}

		/** A provider's direct endpoint: the application's URL on other hosts. */
		static Draft direct(Draft application, List<HostAndPort> hosts) {
			ConnectionSpec.Builder builder = new ConnectionSpec.Builder(application.builder.form()).hosts(hosts);
			builder.inheritUnset(application.builder);
			return new Draft(application.input, application.username, application.password, application.sources,
					builder, true);
		}

		void parse(List<String> notes) {
			try {
				switch (this.builder.form()) {
					case PGJDBC -> JdbcUrlParser.parse(this.input, this.builder, notes);
					case LIBPQ, SQLALCHEMY -> LibpqUrlParser.parse(this.input, this.builder, notes);
					case R2DBC -> R2dbcUrlParser.parse(this.input, this.builder, notes);
				}
				if (this.username != null) {
					this.builder.user(this.username, this.sources.username());
				}
				if (this.password != null) {
					this.builder.password(this.password, this.sources.password());
				}
			}
			catch (InvalidConnectionUrlException ex) {
				throw masked(ex, this, null);
			}
			catch (RuntimeException ex) {
				throw masked(new InvalidConnectionUrlException("The URL cannot be read: "
						+ Secrets.mask(ex.toString()), null, null), this, null);
			}
		}

		/** Parse errors of the migration URL are its own, masked with its secrets. */
		private void parseAsMigrationUrl() {
			try {
				parse(new ArrayList<>());
			}
			catch (InvalidConnectionUrlException ex) {
				throw new MigrationUrlException("In the migration URL: " + ex.getProblem(), ex.getParameter(),
						ex.getFix());
			}
		}

		ConnectionSpec validate(SpecValidator validator, List<String> notes) {
			try {
				return validator.validate(this.builder, this.input, notes);
			}
			catch (MigrationUrlException ex) {
				throw ex;
			}
			catch (InvalidConnectionUrlException ex) {
				throw new MigrationUrlException((this.derived ? "On " + this.builder.hosts().get(0)
						+ ", the direct endpoint: " : "In the migration URL: ") + ex.getProblem(), ex.getParameter(),
						ex.getFix());
			}
		}

		/**
		 * The input with each secret replaced where the parser found it; the same secrets elsewhere (a password
		 * argument repeated in the URL) are masked in all their encodings.
		 */
		String maskedInput() {
			StringBuilder masked = new StringBuilder(this.input);
			List<int[]> spans = new ArrayList<>(this.builder.secretSpans());
			spans.sort((first, second) -> Integer.compare(second[0], first[0]));
			for (int[] span : spans) {
				if (span[1] > span[0]) {
					masked.replace(span[0], span[1], Secrets.MASK);
				}
			}
			return Secrets.maskKnown(masked.toString(), secrets());
		}

		List<String> secrets() {
			List<String> secrets = new ArrayList<>(this.builder.secrets());
			// the password argument is usually the builder's password too: its masked forms are worked out once
			if (this.password != null && !secrets.contains(this.password)) {
				secrets.add(this.password);
			}
			return secrets;
		}

	}

}
