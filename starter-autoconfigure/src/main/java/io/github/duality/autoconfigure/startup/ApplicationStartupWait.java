package io.github.duality.autoconfigure.startup;

import java.time.Duration;

import io.github.duality.core.R2dbcTarget;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;

/**
 * Once every singleton exists, and before the web server takes traffic, waits until the application's pool gives a
 * connection.
 */
class ApplicationStartupWait implements SmartInitializingSingleton {

	private static final Duration LONGEST_CONNECT = Duration.ofSeconds(30);

	private final DatabaseWait wait;

	private final ObjectProvider<ConnectionFactory> connectionFactory;

	private final ObjectProvider<R2dbcConnectionDetails> connectionDetails;

	ApplicationStartupWait(DatabaseWait wait, ObjectProvider<ConnectionFactory> connectionFactory,
			ObjectProvider<R2dbcConnectionDetails> connectionDetails) {
		this.wait = wait;
		this.connectionFactory = connectionFactory;
		this.connectionDetails = connectionDetails;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConnectionFactory factory = this.connectionFactory.getIfUnique();
		if (factory == null) {
			return;
		}
		try {
			this.wait.connect("application path", describe(), () -> Mono
				.usingWhen(factory.create(), (connection) -> Mono.empty(), Connection::close)
				.block(LONGEST_CONNECT));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BeanInitializationException("Interrupted while waiting for the application database", ex);
		}
		catch (Exception ex) {
			// the application starts as it would without waiting; its requests and health report the failure
		}
	}

	private String describe() {
		R2dbcConnectionDetails details = this.connectionDetails.getIfUnique();
		if (details == null) {
			return "the application ConnectionFactory";
		}
		return new R2dbcTarget(details.getConnectionFactoryOptions()).describe();
	}

}
