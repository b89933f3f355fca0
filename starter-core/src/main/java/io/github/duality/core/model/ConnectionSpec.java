package io.github.duality.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one input URL means, independent of either driver: the validated, immutable model both targets are rendered
 * from, in small values by concern, as r2dbc-postgresql groups its configuration. Its {@link #toString()} masks
 * every secret.
 *
 * @param form the form the input was written in
 * @param endpoints the servers and which of them the application accepts
 * @param credentials the role and its password
 * @param session the database and what each session starts with
 * @param tls the TLS of both paths
 * @param socket the TCP options
 * @param pgjdbcOnly pgjdbc properties that stay on the JDBC path, as given
 * @param r2dbcOnly r2dbc options that stay on the R2DBC path, as given
 */
public record ConnectionSpec(UrlForm form, Endpoints endpoints, Credentials credentials, Session session, Tls tls,
		SocketOptions socket, Map<String, String> pgjdbcOnly, Map<String, String> r2dbcOnly) {

	public ConnectionSpec {
		pgjdbcOnly = Collections.unmodifiableMap(new LinkedHashMap<>(pgjdbcOnly));
		r2dbcOnly = Collections.unmodifiableMap(new LinkedHashMap<>(r2dbcOnly));
	}

	@Override
	public String toString() {
		return "ConnectionSpec[form=" + this.form + ", endpoints=" + this.endpoints + ", credentials="
				+ this.credentials + ", session=" + this.session + ", tls=" + this.tls + ", socket=" + this.socket
				+ ", pgjdbcOnly=" + Secrets.maskedView(this.pgjdbcOnly) + ", r2dbcOnly="
				+ Secrets.maskedView(this.r2dbcOnly) + "]";
	}

}
