package io.github.duality.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.Draft;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.model.SslMode;
import io.github.duality.core.parameter.Parameter;
import io.github.duality.core.render.JdbcRenderer;
import io.github.duality.core.render.R2dbcRenderer;
import io.github.duality.core.rules.DescribedLocalFiles;
import io.github.duality.core.rules.LocalFiles;
import io.github.duality.core.rules.ReadLocalFiles;
import io.github.duality.core.rules.SpecRules;
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
		ParsedUrl application = new ParsedUrl(url.strip(), username, password, sources);
		List<String> notes = new ArrayList<>();
		application.parse(notes);
		ParsedUrl migration = (migrationUrl != null) ? ParsedUrl.migrationUrl(migrationUrl, application) : null;
		try {
			Optional<TransactionPooler> pooler = Poolers.recognise(application.draft().values().hosts(),
					application.draft().isTransactionPoolerDeclared(), poolerHint);
			if (migration != null) {
				refuseTransactionPooler(migration.draft());
			}
			else if (pooler.isPresent() && pooler.get().knowsDirectEndpoint()) {
				migration = ParsedUrl.direct(application, pooler.get().directHosts());
			}
			pooler.ifPresent((found) -> noServerSidePreparedStatements(application.draft(), found, notes));
			SpecRules rules = new SpecRules(localFiles(home, fileChecks),
					System.getProperty("user.name"), sources.username(), sslBundle);
			ConnectionSpec spec = rules.resolve(application.draft(), application.input(), notes);
			notes.add("migrations always connect to the primary (targetServerType=primary, no load balancing)");
			MigrationPath migrationPath = migrationPath(migration, spec, pooler.orElse(null), rules, notes);
			return new DerivedConnection(application.maskedInput(), spec, jdbc(spec, false),
					migrationPath, new R2dbcTarget(R2dbcRenderer.render(spec)), pooler.orElse(null), notes);
		}
		catch (MigrationUrlException ex) {
			throw (MigrationUrlException) ParsedUrl.masked(ex, application, migration);
		}
		catch (InvalidConnectionUrlException ex) {
			throw ParsedUrl.masked(ex, application, migration);
		}
		catch (RuntimeException ex) {
			// a driver parser failed in a way not foreseen here: still one exception type, still masked
			throw ParsedUrl.masked(new InvalidConnectionUrlException("The URL cannot be read: " + Secrets.mask(ex.toString()),
					null, null), application, migration);
		}
	}

	private static JdbcTarget jdbc(ConnectionSpec spec, boolean forMigrations) {
		return new JdbcTarget(JdbcRenderer.url(spec), JdbcRenderer.properties(spec, forMigrations));
	}

	/** The TLS files read where the application runs, or only described where it does not. */
	private static LocalFiles localFiles(Path home, FileChecks fileChecks) {
		return (fileChecks == FileChecks.READ) ? new ReadLocalFiles(home) : new DescribedLocalFiles(home);
	}

	private static MigrationPath migrationPath(@Nullable ParsedUrl migration, ConnectionSpec applicationSpec,
			@Nullable TransactionPooler pooler, SpecRules rules, List<String> notes) {
		if (migration == null) {
			return (pooler == null) ? MigrationPath.applicationUrl(jdbc(applicationSpec, true))
					: MigrationPath.refused(pooler);
		}
		List<String> migrationNotes = new ArrayList<>();
		ConnectionSpec spec = migration.resolve(rules, migrationNotes);
		if (pooler != null && migration.isDerived()) {
			notes.add("migrations go to " + spec.endpoints().hosts().get(0) + " (" + pooler.directForm() + "), not "
					+ "through " + pooler.describe());
			return MigrationPath.providerConvention(jdbc(spec, true), pooler);
		}
		checkSameDatabase(applicationSpec, spec);
		checkTlsAtLeast(applicationSpec, spec);
		migrationNotes.stream()
			.filter((note) -> !notes.contains(note))
			.forEach((note) -> notes.add("migration URL: " + note));
		return MigrationPath.migrationUrl(jdbc(spec, true), migration.maskedInput());
	}

	private static void refuseTransactionPooler(Draft migration) {
		Poolers.recogniseKnown(migration.values().hosts(), migration.isTransactionPoolerDeclared()).ifPresent((pooler) -> {
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
					Parameter.DATABASE.preferredName(ParameterFamily.R2DBC),
					"Point the migration URL at " + MessageText.shown(database)
							+ ", or leave its database out: it then takes the application's.");
		}
	}

	private static void checkTlsAtLeast(ConnectionSpec application, ConnectionSpec migration) {
		SslMode required = application.tls().mode();
		SslMode given = migration.tls().mode();
		if (given.compareTo(required) < 0) {
			throw new MigrationUrlException("The migration URL's TLS (sslmode " + given + ") is weaker than the "
					+ "application's (sslmode " + required + "): the migration role's password and the schema "
					+ "would cross the network with less protection than the application's queries.",
					Parameter.SSL_MODE.preferredName(ParameterFamily.PGJDBC),
					"Give the migration URL sslmode=" + required + ", or leave sslmode out: it then takes the "
							+ "application's.");
		}
	}

	/**
	 * Through a transaction pooler, a statement prepared in one transaction may be gone in the next: both drivers
	 * get no server-side prepared statements on the application path.
	 */
	private static void noServerSidePreparedStatements(Draft draft, TransactionPooler pooler, List<String> notes) {
		draft.preparedStatementCacheQueries(0);
		draft.pathOnly(ParameterFamily.PGJDBC, Parameter.PREPARE_THRESHOLD.preferredName(ParameterFamily.PGJDBC), "0");
		notes.add(pooler.describe() + " in front, so no server-side prepared statements "
				+ "on the application path (pgjdbc prepareThreshold=0 and "
				+ "preparedStatementCacheQueries=0, r2dbc preparedStatementCacheQueries=0)"
				+ (pooler.evidence().equals("pgbouncer=true") ? "; libpq itself does not know the parameter" : ""));
	}

}
