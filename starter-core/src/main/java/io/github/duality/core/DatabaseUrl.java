package io.github.duality.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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
	 * Derive both driver targets, with the credentials given beside the URL named as the caller's user knows them
	 * (for example {@code spring.datasource.username}) in every message about them.
	 * @param url the URL, in any accepted form
	 * @param username the user, or {@code null}; if the URL names one too, both must agree
	 * @param password the password, or {@code null}; if the URL holds one too, both must agree
	 * @param fileChecks {@link FileChecks#SKIP} to validate a URL away from the machine where the application runs
	 * @param sources what the user calls the places {@code username} and {@code password} come from
	 * @return both targets, the model and notes on what was converted
	 * @throws InvalidConnectionUrlException for any input that cannot become two faithful targets; its texts are
	 * masked
	 */
	public static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			FileChecks fileChecks, CredentialSources sources) {
		return derive(url, username, password, Path.of(System.getProperty("user.home")), fileChecks, sources);
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
		return derive(url, username, password, Path.of(System.getProperty("user.home")), fileChecks);
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
		return derive(url, username, password, home, fileChecks, CredentialSources.ARGUMENTS);
	}

	static DerivedConnection derive(@Nullable String url, @Nullable String username, @Nullable String password,
			Path home, FileChecks fileChecks, CredentialSources sources) {
		if (url == null || url.isBlank()) {
			throw new InvalidConnectionUrlException("No database URL is given.", null,
					"Set one, for example postgresql://user@host:5432/database.");
		}
		String trimmed = url.strip();
		UrlForm form = formOf(trimmed);
		ConnectionSpec.Builder builder = new ConnectionSpec.Builder(form);
		List<String> notes = new ArrayList<>();
		try {
			switch (form) {
				case PGJDBC -> JdbcUrlParser.parse(trimmed, builder, notes);
				case LIBPQ, SQLALCHEMY -> LibpqUrlParser.parse(trimmed, builder, notes);
				case R2DBC -> R2dbcUrlParser.parse(trimmed, builder, notes);
			}
			if (username != null) {
				builder.user(username, sources.username());
			}
			if (password != null) {
				builder.password(password, sources.password());
			}
			ConnectionSpec spec = new SpecValidator(LocalFiles.of(home, fileChecks), System.getProperty("user.name"),
					sources.username()).validate(builder, trimmed, notes);
			notes.add("migrations always connect to the primary (targetServerType=primary, no load balancing)");
			return new DerivedConnection(maskedInput(trimmed, builder, password), spec, JdbcRenderer.render(spec, false),
					JdbcRenderer.render(spec, true), R2dbcRenderer.render(spec), notes);
		}
		catch (InvalidConnectionUrlException ex) {
			throw masked(ex, builder, password);
		}
		catch (RuntimeException ex) {
			// a driver parser failed in a way not foreseen here: still one exception type, still masked
			throw masked(new InvalidConnectionUrlException("The URL cannot be read: " + Secrets.mask(ex.toString()), null,
					null), builder, password);
		}
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
		if (!lowerCasePrefix.isEmpty() && UrlSyntax.isPlain(lowerCasePrefix)
				&& UrlForm.of(lowerCasePrefix + url.substring(schemeEnd + 3)).isPresent()) {
			throw new InvalidConnectionUrlException("The URL scheme " + shown + "is written in upper case: libpq, "
					+ "pgjdbc and r2dbc read schemes case-sensitively, so psql and every other tool would refuse it "
					+ "too.", null, "Did you mean '" + lowerCasePrefix + "'?");
		}
		throw new InvalidConnectionUrlException("The URL scheme " + shown + "is not one of the accepted PostgreSQL "
				+ "URL forms.", null, "Use " + UrlForm.ACCEPTED_SCHEMES + ".");
	}

	/**
	 * The accepted input with each secret replaced where the parser found it; the same secrets elsewhere (a password
	 * argument repeated in the URL) are masked in all their encodings. Input that could not be parsed is masked by
	 * {@link Secrets#mask}'s patterns instead.
	 */
	private static String maskedInput(String url, ConnectionSpec.Builder builder, @Nullable String password) {
		StringBuilder masked = new StringBuilder(url);
		List<int[]> spans = new ArrayList<>(builder.secretSpans());
		spans.sort((first, second) -> Integer.compare(second[0], first[0]));
		for (int[] span : spans) {
			if (span[1] > span[0]) {
				masked.replace(span[0], span[1], Secrets.MASK);
			}
		}
		return Secrets.maskKnown(masked.toString(), secrets(builder, password));
	}

	private static InvalidConnectionUrlException masked(InvalidConnectionUrlException ex,
			ConnectionSpec.Builder builder, @Nullable String password) {
		List<String> secrets = secrets(builder, password);
		return new InvalidConnectionUrlException(Secrets.maskKnown(ex.getProblem(), secrets), ex.getParameter(),
				Secrets.maskKnown(ex.getFix(), secrets));
	}

	private static List<String> secrets(ConnectionSpec.Builder builder, @Nullable String password) {
		List<String> secrets = new ArrayList<>(builder.secrets());
		// the password argument is usually the builder's password too: its masked forms are worked out once
		if (password != null && !secrets.contains(password)) {
			secrets.add(password);
		}
		return secrets;
	}

}
