package io.github.duality.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.Draft;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.model.UrlForm;
import io.github.duality.core.parameter.Parameter;
import io.github.duality.core.parse.JdbcUrlParser;
import io.github.duality.core.parse.LibpqUrlParser;
import io.github.duality.core.parse.R2dbcUrlParser;
import io.github.duality.core.rules.SpecRules;
import org.jspecify.annotations.Nullable;

/**
 * One URL and what its parser claimed, before the rules resolve it.
 */
final class ParsedUrl {

	/**
	 * A value given twice is named the same whatever the URL's form: database as r2dbc spells it, application_name
	 * as libpq does, the others as pgjdbc does.
	 */
	private static final Draft.ClaimNames CLAIM_NAMES = new Draft.ClaimNames(
			Parameter.DATABASE.preferredName(ParameterFamily.R2DBC),
			Parameter.USER.preferredName(ParameterFamily.PGJDBC),
			Parameter.PASSWORD.preferredName(ParameterFamily.PGJDBC),
			Parameter.SSL_MODE.preferredName(ParameterFamily.PGJDBC),
			Parameter.CURRENT_SCHEMA.preferredName(ParameterFamily.PGJDBC),
			Parameter.APPLICATION_NAME.preferredName(ParameterFamily.LIBPQ));

	private static final Pattern PLAIN_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,30}");

	private final String input;

	private final @Nullable String username;

	private final @Nullable String password;

	private final CredentialSources sources;

	private final Draft draft;

	/** Whether the draft is a provider's direct endpoint rather than a URL given by the user. */
	private final boolean derived;

	ParsedUrl(String input, @Nullable String username, @Nullable String password, CredentialSources sources) {
		this(input, username, password, sources, new Draft(formOf(input), CLAIM_NAMES), false);
	}

	private ParsedUrl(String input, @Nullable String username, @Nullable String password, CredentialSources sources,
			Draft draft, boolean derived) {
		this.input = input;
		this.username = username;
		this.password = password;
		this.sources = sources;
		this.draft = draft;
		this.derived = derived;
	}

	/** The input as given, stripped. */
	String input() {
		return this.input;
	}

	Draft draft() {
		return this.draft;
	}

	/** Whether the URL is a provider's direct endpoint rather than a URL given by the user. */
	boolean isDerived() {
		return this.derived;
	}

	/** The migration URL, completed with what it leaves out from the application's. */
	static ParsedUrl migrationUrl(String url, ParsedUrl application) {
		ParsedUrl migration;
		try {
			migration = new ParsedUrl(url.strip(), application.username, application.password, application.sources);
		}
		catch (InvalidConnectionUrlException ex) {
			throw new MigrationUrlException(ex.getProblem(), ex.getParameter(), ex.getFix());
		}
		migration.parseAsMigrationUrl();
		migration.draft.inheritUnset(application.draft);
		return migration;
	}

	/** A provider's direct endpoint: the application's URL on other hosts. */
	static ParsedUrl direct(ParsedUrl application, List<HostAndPort> hosts) {
		Draft draft = new Draft(application.draft.form(), CLAIM_NAMES);
		draft.hosts(hosts);
		draft.inheritUnset(application.draft);
		return new ParsedUrl(application.input, application.username, application.password, application.sources,
				draft, true);
	}

	void parse(List<String> notes) {
		try {
			switch (this.draft.form()) {
				case PGJDBC -> JdbcUrlParser.parse(this.input, this.draft, notes);
				case LIBPQ, SQLALCHEMY -> LibpqUrlParser.parse(this.input, this.draft, notes);
				case R2DBC -> R2dbcUrlParser.parse(this.input, this.draft, notes);
			}
			if (this.username != null) {
				this.draft.user(this.username, this.sources.username());
			}
			if (this.password != null) {
				this.draft.password(this.password, this.sources.password());
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

	ConnectionSpec resolve(SpecRules rules, List<String> notes) {
		try {
			return rules.resolve(this.draft, this.input, notes);
		}
		catch (MigrationUrlException ex) {
			throw ex;
		}
		catch (InvalidConnectionUrlException ex) {
			throw new MigrationUrlException((this.derived ? "On " + this.draft.values().hosts().get(0)
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
		List<int[]> spans = new ArrayList<>(this.draft.secretSpans());
		spans.sort((first, second) -> Integer.compare(second[0], first[0]));
		for (int[] span : spans) {
			if (span[1] > span[0]) {
				masked.replace(span[0], span[1], Secrets.MASK);
			}
		}
		return Secrets.maskKnown(masked.toString(), secrets());
	}

	List<String> secrets() {
		List<String> secrets = new ArrayList<>(this.draft.secrets());
		// the password argument is usually the builder's password too: its masked forms are worked out once
		if (this.password != null && !secrets.contains(this.password)) {
			secrets.add(this.password);
		}
		return secrets;
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

	/** The exception with every secret of both URLs masked, as all of derivation's exceptions leave it. */
	static InvalidConnectionUrlException masked(InvalidConnectionUrlException ex, ParsedUrl application,
			@Nullable ParsedUrl migration) {
		List<String> secrets = application.secrets();
		if (migration != null) {
			secrets.addAll(migration.secrets());
		}
		String problem = Secrets.maskKnown(ex.getProblem(), secrets);
		String fix = Secrets.maskKnown(ex.getFix(), secrets);
		return (ex instanceof MigrationUrlException) ? new MigrationUrlException(problem, ex.getParameter(), fix)
				: new InvalidConnectionUrlException(problem, ex.getParameter(), fix);
	}

}
