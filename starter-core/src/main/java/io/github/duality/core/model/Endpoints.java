package io.github.duality.core.model;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the connections go and which of the servers they accept.
 *
 * @param hosts the servers, in the input's order; never empty
 * @param targetServerType which server the application's connections accept; migrations always use the primary
 * @param loadBalanceHosts whether the hosts are tried in random order
 * @param hostRecheck how long a host's primary/standby status is trusted, or {@code null} for the drivers' defaults
 */
public record Endpoints(List<HostAndPort> hosts, TargetServerType targetServerType, boolean loadBalanceHosts,
		@Nullable Duration hostRecheck) {

	public Endpoints {
		hosts = List.copyOf(hosts);
	}

	/** Whether r2dbc needs its failover protocol: several hosts, or a host selection it only honours there. */
	public boolean needsFailover() {
		return this.hosts.size() > 1 || this.targetServerType != TargetServerType.ANY || this.loadBalanceHosts
				|| this.hostRecheck != null;
	}

}
