package io.github.duality.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.duality.core.model.HostAndPort;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a transaction-mode pooler in front of a URL, and the providers' conventions that give its direct
 * endpoint. Each convention is one row, from the provider's own documentation.
 */
final class Poolers {

	/** Where Azure's built-in PgBouncer listens: PgBouncer's default port. */
	private static final int PGBOUNCER_PORT = 6432;

	/** Supabase's transaction-mode port, on its shared (Supavisor) and dedicated (PgBouncer) poolers. */
	private static final int SUPABASE_TRANSACTION_PORT = 6543;

	private static final Pattern NEON_POOLER = Pattern
		.compile("(ep-[a-z0-9-]+)-pooler(\\.[a-z0-9.-]+\\.(neon\\.tech|vercel-storage\\.com))");

	private static final List<Convention> CONVENTIONS = List.of(
			// Neon (and Vercel Postgres, which Neon runs): PgBouncer in transaction mode on the -pooler host
			new Convention("Neon", "the same host without -pooler",
					(address) -> matches(NEON_POOLER, address.host())
						? new HostAndPort(NEON_POOLER.matcher(lower(address.host())).replaceFirst("$1$2"),
								address.port())
						: null),
			// Supabase's shared pooler (Supavisor): transaction mode on 6543, session mode on 5432 of the same host
			new Convention("Supabase (shared pooler, transaction mode)",
					"the same host on port 5432 (the pooler's session mode)",
					(address) -> lower(address.host()).endsWith(".pooler.supabase.com")
							&& address.port() == SUPABASE_TRANSACTION_PORT
									? new HostAndPort(address.host(), HostAndPort.DEFAULT_PORT) : null),
			// Supabase's dedicated pooler (PgBouncer) on db.<project>.supabase.co:6543, the database itself on 5432
			new Convention("Supabase (dedicated pooler, transaction mode)", "the same host on port 5432",
					(address) -> lower(address.host()).matches("db\\.[a-z0-9]+\\.supabase\\.co")
							&& address.port() == SUPABASE_TRANSACTION_PORT
									? new HostAndPort(address.host(), HostAndPort.DEFAULT_PORT) : null),
			// Azure Database for PostgreSQL flexible server: the built-in PgBouncer on 6432 of the server's own host
			new Convention("Azure Database for PostgreSQL (built-in PgBouncer)", "the same host on port 5432",
					(address) -> lower(address.host()).endsWith(".postgres.database.azure.com")
							&& address.port() == PGBOUNCER_PORT
									? new HostAndPort(address.host(), HostAndPort.DEFAULT_PORT) : null));

	private Poolers() {
	}

	/**
	 * @param hosts the URL's servers
	 * @param declared whether the URL says {@code pgbouncer=true}
	 * @param hint what the user says
	 * @return the pooler in front, if the URL or the user says so
	 */
	static Optional<TransactionPooler> recognise(List<HostAndPort> hosts, boolean declared, PoolerHint hint) {
		if (hint == PoolerHint.NONE) {
			return Optional.empty();
		}
		Optional<TransactionPooler> known = recogniseKnown(hosts, declared);
		if (known.isPresent()) {
			return known;
		}
		// a port alone (6432, 6543) is no proof: servers listen there too; the run-time check catches such poolers
		return (hint == PoolerHint.TRANSACTION) ? Optional.of(generic("duality.pooler=transaction")) : Optional.empty();
	}

	/**
	 * A pooler the URL names beyond doubt: a provider's pooler host or {@code pgbouncer=true}; a port alone is not
	 * enough.
	 */
	static Optional<TransactionPooler> recogniseKnown(List<HostAndPort> hosts, boolean declared) {
		for (Convention convention : CONVENTIONS) {
			List<HostAndPort> direct = convention.directHosts(hosts);
			if (direct != null) {
				return Optional.of(new TransactionPooler(convention.provider(), "host " + hosts.get(0),
						convention.directForm(), direct));
			}
		}
		return declared ? Optional.of(generic("pgbouncer=true")) : Optional.empty();
	}

	private static TransactionPooler generic(String evidence) {
		return new TransactionPooler(null, evidence,
				"the database server's own host and port, or a session-mode pooler", null);
	}

	private static boolean matches(Pattern pattern, String host) {
		return pattern.matcher(lower(host)).matches();
	}

	private static String lower(String host) {
		return host.toLowerCase(Locale.ROOT);
	}

	/**
	 * One provider's rule: which hosts are its transaction pooler, and the direct endpoint of each.
	 */
	private record Convention(String provider, String directForm, Function<HostAndPort, @Nullable HostAndPort> direct) {

		/** The direct endpoint of every host, or {@code null} when a host is not this provider's pooler. */
		@Nullable List<HostAndPort> directHosts(List<HostAndPort> hosts) {
			List<HostAndPort> direct = new ArrayList<>();
			for (HostAndPort host : hosts) {
				HostAndPort mapped = this.direct.apply(host);
				if (mapped == null) {
					return null;
				}
				direct.add(mapped);
			}
			return direct;
		}

	}

}
