package io.github.duality.autoconfigure.r2dbc;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.NoPropertyCondition;
import io.github.duality.core.DerivedConnection;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The application path: the derived target as {@link R2dbcConnectionDetails}, which Boot's R2DBC
 * auto-configuration pools. Backs off for {@code spring.r2dbc.url}, an {@code R2dbcConnectionDetails} bean or a
 * {@link ConnectionFactory} bean.
 */
@AutoConfiguration(after = DualityAutoConfiguration.class, before = R2dbcAutoConfiguration.class)
@ConditionalOnClass({ ConnectionFactory.class, R2dbcConnectionDetails.class })
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
@ConditionalOnBean(DerivedConnection.class)
public final class DualityR2dbcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean({ R2dbcConnectionDetails.class, ConnectionFactory.class })
	@Conditional(NoPropertyCondition.NoR2dbcUrl.class)
	DerivedR2dbcConnectionDetails dualityR2dbcConnectionDetails(DerivedConnection derived) {
		return new DerivedR2dbcConnectionDetails(derived.r2dbc());
	}

}
