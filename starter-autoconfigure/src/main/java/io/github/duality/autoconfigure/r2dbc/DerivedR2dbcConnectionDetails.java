package io.github.duality.autoconfigure.r2dbc;

import io.github.duality.autoconfigure.DerivedConnectionDetails;
import io.github.duality.core.R2dbcTarget;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;

/**
 * The application target for Boot's R2DBC auto-configuration, which pools it according to
 * {@code spring.r2dbc.pool.*}.
 */
public class DerivedR2dbcConnectionDetails implements R2dbcConnectionDetails, DerivedConnectionDetails {

	private final R2dbcTarget target;

	DerivedR2dbcConnectionDetails(R2dbcTarget target) {
		this.target = target;
	}

	@Override
	public ConnectionFactoryOptions getConnectionFactoryOptions() {
		return this.target.options();
	}

}
