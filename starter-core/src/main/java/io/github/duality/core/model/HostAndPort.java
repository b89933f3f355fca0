package io.github.duality.core.model;

/**
 * One server address.
 *
 * @param host a host name or IP address; IPv6 addresses without brackets
 * @param port the TCP port
 */
public record HostAndPort(String host, int port) {

	/** The port PostgreSQL listens on unless told otherwise. */
	public static final int DEFAULT_PORT = 5432;

	/** Whether the host is an IPv6 address literal. */
	public boolean isIpv6() {
		return this.host.indexOf(':') >= 0;
	}

	/** The host as it appears in a URL authority: IPv6 addresses in brackets. */
	public String hostForUrl() {
		return isIpv6() ? "[" + this.host + "]" : this.host;
	}

	@Override
	public String toString() {
		return hostForUrl() + ":" + this.port;
	}

}
