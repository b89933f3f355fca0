package io.github.duality.autoconfigure.metrics;

import io.github.duality.autoconfigure.InvalidDatasourceUrlException;
import io.github.duality.autoconfigure.RefusedUrlListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Counts refused {@code spring.datasource.*} values by the parameter at fault ({@value #REFUSED}), so that a bad
 * rollout shows on a dashboard: the failing application's registry still holds the count when it closes, and a
 * push-based registry publishes it then.
 */
class RefusedUrlCounter implements RefusedUrlListener {

	static final String REFUSED = "duality.url.refused";

	private final ObjectProvider<MeterRegistry> registry;

	RefusedUrlCounter(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void refused(InvalidDatasourceUrlException exception) {
		String parameter = exception.getCause().getParameter();
		this.registry.ifAvailable((meters) -> Counter.builder(REFUSED)
			.description("spring.datasource.* values refused at startup, by parameter")
			.tag("parameter", (parameter != null) ? parameter : "none")
			.register(meters)
			.increment());
	}

}
