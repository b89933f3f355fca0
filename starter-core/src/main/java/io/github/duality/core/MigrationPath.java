package io.github.duality.core;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where migrations connect: the URL's own servers, a second URL given for them, or the direct endpoint a provider's
 * convention gives for its pooler; or nowhere, when a transaction pooler is in front and no direct endpoint is known.
 */
public final class MigrationPath {

	/**
	 * Where the migration endpoint comes from.
	 */
	public enum Endpoint {

		/** The URL itself: no transaction pooler is in front of it. */
		APPLICATION_URL,

		/** The migration URL given beside the application's. */
		MIGRATION_URL,

		/** The direct endpoint of the provider's pooler, derived from its convention. */
		PROVIDER_CONVENTION,

		/** None: a transaction pooler is in front and its direct endpoint is not known. */
		REFUSED

	}

	private final Endpoint endpoint;

	private final @Nullable JdbcTarget target;

	private final @Nullable String maskedInput;

	private final @Nullable TransactionPooler pooler;

	private MigrationPath(Endpoint endpoint, @Nullable JdbcTarget target, @Nullable String maskedInput,
			@Nullable TransactionPooler pooler) {
		this.endpoint = endpoint;
		this.target = target;
		this.maskedInput = maskedInput;
		this.pooler = pooler;
	}

	static MigrationPath applicationUrl(JdbcTarget target) {
		return new MigrationPath(Endpoint.APPLICATION_URL, target, null, null);
	}

	static MigrationPath migrationUrl(JdbcTarget target, String maskedInput) {
		return new MigrationPath(Endpoint.MIGRATION_URL, target, maskedInput, null);
	}

	static MigrationPath providerConvention(JdbcTarget target, TransactionPooler pooler) {
		return new MigrationPath(Endpoint.PROVIDER_CONVENTION, target, null, pooler);
	}

	static MigrationPath refused(TransactionPooler pooler) {
		return new MigrationPath(Endpoint.REFUSED, null, null, pooler);
	}

	public Endpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * The pgjdbc target migrations use, always aimed at the primary.
	 * @throws TransactionPoolerException when a transaction pooler is in front and no direct endpoint is known
	 */
	public JdbcTarget target() {
		if (this.target == null) {
			throw new TransactionPoolerException(this.pooler);
		}
		return this.target;
	}

	/** Why migrations have no endpoint, when they have none. */
	public Optional<TransactionPoolerException> refusal() {
		return (this.target == null) ? Optional.of(new TransactionPoolerException(this.pooler)) : Optional.empty();
	}

	/** The migration URL as given, secrets masked, or {@code null} when none was given. */
	public @Nullable String maskedInput() {
		return this.maskedInput;
	}

	/** Where the endpoint comes from, for people: e.g. "derived from Neon's convention: the same host without -pooler". */
	public String describe() {
		return switch (this.endpoint) {
			case APPLICATION_URL -> "the URL's own servers";
			case MIGRATION_URL -> "the migration URL " + this.maskedInput;
			case PROVIDER_CONVENTION -> "derived from " + this.pooler.provider() + "'s convention: "
					+ this.pooler.directForm();
			case REFUSED -> "none: " + this.pooler.describe() + " is in front and its direct endpoint is not known";
		};
	}

}
