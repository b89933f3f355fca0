package io.github.duality.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.QueryString;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.model.Tls;
import io.github.duality.core.model.UrlForm;
import io.github.duality.core.parameter.Parameter;

/**
 * The input URL rewritten to TLS {@code verify-full} in its own form, masked: the whole URL a refusal can tell the
 * user to write, rather than a rule to apply.
 */
final class VerifyFullUrl {

	/** Every spelling of sslmode and ssl, in any family: whichever the URL gives is replaced. */
	private static final Set<String> TLS_MODE_NAMES = Stream.of(Parameter.SSL_MODE, Parameter.SSL)
		.flatMap((parameter) -> Stream.of(ParameterFamily.values()).flatMap((family) -> parameter.names(family).stream()))
		.collect(Collectors.toUnmodifiableSet());

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
