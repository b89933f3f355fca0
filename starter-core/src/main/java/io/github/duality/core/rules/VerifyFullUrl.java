package io.github.duality.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.duality.core.model.QueryString;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.model.Tls;
import io.github.duality.core.model.UrlForm;

/**
 * The input URL rewritten to TLS {@code verify-full} in its own form, masked: the whole URL a refusal can tell the
 * user to write, rather than a rule to apply.
 */
final class VerifyFullUrl {

	private static final Set<String> TLS_MODE_NAMES = Set.of("sslmode", "sslMode", "ssl");

	private VerifyFullUrl() {
	}

	/**
	 * @param url the URL as given
	 * @param form its form
	 * @param hasRootCertificate whether it names trust anchors already; otherwise the JDK's store is asked for, which
	 * holds the public CAs hosted databases use
	 */
	static String of(String url, UrlForm form, boolean hasRootCertificate) {
		String masked = Secrets.mask(url);
		int queryStart = masked.indexOf('?');
		List<String> parameters = new ArrayList<>();
		for (QueryString.Pair pair : QueryString.of(masked).pairs()) {
			if (!pair.text().isEmpty() && !TLS_MODE_NAMES.contains(pair.name())) {
				parameters.add(pair.text());
			}
		}
		switch (form) {
			case PGJDBC, LIBPQ, SQLALCHEMY -> {
				parameters.add("sslmode=verify-full");
				if (!hasRootCertificate) {
					parameters.add((form == UrlForm.PGJDBC) ? "sslfactory=" + Tls.Trust.JdkTrustStore.PGJDBC_FACTORY
							: "sslrootcert=system");
				}
			}
			case R2DBC -> parameters.add("sslMode=verify-full");
		}
		return ((queryStart >= 0) ? masked.substring(0, queryStart) : masked) + "?" + String.join("&", parameters);
	}

}
