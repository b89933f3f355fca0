package io.github.duality.autoconfigure.diagnostics;

import java.time.Duration;
import java.util.Optional;

import io.github.duality.autoconfigure.DatasourceUrlDerivation;
import io.github.duality.autoconfigure.DualityProperties;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.JdbcTarget;
import io.github.duality.core.model.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Explains a first connection that failed on either path: what was tried (URL, user, sslmode, path), the property
 * and where its value came from, the server's or the driver's own words, and the fix.
 */
class DatabaseConnectionFailureAnalyzer implements FailureAnalyzer {

	/** An accepted certificate leaves the server waiting for the startup message: the probe's cost then. */
	private static final Duration CLIENT_CERTIFICATE_PROBE_TIMEOUT = Duration.ofSeconds(3);

	private final Environment environment;

	private final @Nullable BeanFactory beanFactory;

	DatabaseConnectionFailureAnalyzer(Environment environment, @Nullable BeanFactory beanFactory) {
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		ConnectionFailure kind = ConnectionFailure.of(failure);
		if (kind == null) {
			return null;
		}
		AttemptedPath path = AttemptedPath.of(failure, this.environment, this.beanFactory);
		String cause = (kind == ConnectionFailure.UNKNOWN) ? CauseChain.driverWords(failure)
				: CauseChain.innermostMessage(failure);
		if (kind.mayHideClientCertificateRefusal()) {
			String alert = clientCertificateRefusal(failure).orElse(null);
			ConnectionFailure refusal = (alert != null) ? ConnectionFailure.ofClientCertificateAlert(alert) : null;
			if (refusal != null) {
				kind = refusal;
				cause = alert + " (the server's TLS alert, read by a handshake of Duality's own after the failure: "
						+ "the driver saw only " + CauseChain.innermostMessage(failure) + ")";
			}
		}
		Duration waited = startupWait();
		StringBuilder description = new StringBuilder("Duality: ").append(path.name())
			.append(" could not connect to PostgreSQL.\n\n");
		description.append("    Problem:   ").append(kind.problem());
		if (kind.waitingCanHelp() && !waited.isZero()) {
			description.append(" It stayed so for all of duality.startup.wait (").append(waited.toSeconds())
				.append("s).");
		}
		description.append('\n');
		description.append("    Tried:     ").append(path.target()).append('\n');
		description.append("    Property:  ").append(path.property()).append('\n');
		if (path.origin() != null) {
			description.append("    Origin:    ").append(path.origin()).append('\n');
		}
		description.append("    Cause:     ").append(Secrets.mask(cause)).append('\n');
		return new FailureAnalysis(description.toString(),
				kind.fix(path.property(), waited) + "\n\nSee README, Operations, \"Startup failures, explained\".",
				failure);
	}

	/**
	 * Under TLS 1.3 a server refuses a client certificate after the driver considers the handshake done, and the
	 * driver reports only a closed connection: the derived target's own handshake reads the server's reason.
	 */
	private Optional<String> clientCertificateRefusal(Throwable failure) {
		try {
			JdbcTarget target = attemptedTlsTarget(failure);
			return (target != null) ? target.clientCertificateRefusal(CLIENT_CERTIFICATE_PROBE_TIMEOUT)
					: Optional.empty();
		}
		catch (RuntimeException ex) {
			// the derivation itself failed, or the context is gone: nothing more to learn
			return Optional.empty();
		}
	}

	/**
	 * The target the failure carries; for a failure met outside Duality's code, which carries none, derived again
	 * from the environment, as {@link AttemptedPath} does.
	 */
	private @Nullable JdbcTarget attemptedTlsTarget(Throwable failure) {
		DerivedTargetConnectionException carried = CauseChain.find(failure, DerivedTargetConnectionException.class);
		if (carried != null) {
			return carried.tlsTarget();
		}
		DerivedConnection derived = DatasourceUrlDerivation.derive(this.environment, null);
		return AttemptedPath.isApplicationPath(failure) ? derived.jdbc() : derived.migrationJdbc();
	}

	/** Zero for a value that does not bind: the analysis must not fail on it. */
	private Duration startupWait() {
		try {
			return DualityProperties.startup(this.environment).getWait();
		}
		catch (RuntimeException ex) {
			return Duration.ZERO;
		}
	}

}
