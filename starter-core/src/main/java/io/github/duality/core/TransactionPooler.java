package io.github.duality.core;

import java.util.List;

import io.github.duality.core.model.HostAndPort;
import org.jspecify.annotations.Nullable;

/**
 * A transaction-mode pooler in front of the URL: it hands server sessions from client to client between
 * transactions, so the application may use it but migrations, which need one session for their locks and
 * {@code SET} commands, must not.
 *
 * @param provider who runs it, e.g. {@code Neon}, or {@code null} when the URL does not say
 * @param evidence what says it is there, e.g. {@code pgbouncer=true} or {@code host ep-x-pooler.neon.tech}
 * @param directForm how the provider's direct (or session-mode) endpoint is written, for people
 * @param directHosts the direct endpoint derived from the provider's convention, or {@code null} when none is known
 */
public record TransactionPooler(@Nullable String provider, String evidence, String directForm,
		@Nullable List<HostAndPort> directHosts) {

	public TransactionPooler {
		directHosts = (directHosts != null) ? List.copyOf(directHosts) : null;
	}

	/** For people: e.g. "Neon's transaction pooler (host ...)" or "a transaction pooler (pgbouncer=true)". */
	public String describe() {
		return ((this.provider != null) ? this.provider + "'s transaction pooler" : "a transaction pooler") + " ("
				+ this.evidence + ")";
	}

	/** Whether the provider's convention gives the direct endpoint. */
	public boolean knowsDirectEndpoint() {
		return this.directHosts != null;
	}

}
