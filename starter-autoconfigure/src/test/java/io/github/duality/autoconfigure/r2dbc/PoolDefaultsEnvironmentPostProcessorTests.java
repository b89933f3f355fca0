package io.github.duality.autoconfigure.r2dbc;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

class PoolDefaultsEnvironmentPostProcessorTests {

	@Test
	void setsDefaultsThatSurviveADatabaseRestart() {
		R2dbcProperties.Pool pool = postProcess();
		assertThat(pool.getAcquireRetry()).isEqualTo(10);
		assertThat(pool.getMaxAcquireTime()).isEqualTo(Duration.ofSeconds(5));
		assertThat(pool.getMaxCreateConnectionTime()).isEqualTo(Duration.ofSeconds(5));
		assertThat(pool.getMaxLifeTime()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void retriesAsOftenAsThePoolHoldsConnections() {
		assertThat(postProcess("spring.r2dbc.pool.max-size=25").getAcquireRetry()).isEqualTo(25);
	}

	@Test
	void everyValueTheUserSetsWins() {
		R2dbcProperties.Pool pool = postProcess("spring.r2dbc.pool.acquire-retry=1",
				"spring.r2dbc.pool.max-acquire-time=30s", "spring.r2dbc.pool.max-life-time=0");
		assertThat(pool.getAcquireRetry()).isEqualTo(1);
		assertThat(pool.getMaxAcquireTime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(pool.getMaxLifeTime()).isZero();
	}

	@Test
	void leavesBootsDefaultsWhenDualityIsDisabled() {
		R2dbcProperties.Pool pool = postProcess("duality.enabled=false");
		assertThat(pool.getAcquireRetry()).isEqualTo(new R2dbcProperties.Pool().getAcquireRetry());
		assertThat(pool.getMaxAcquireTime()).isNull();
	}

	private static R2dbcProperties.Pool postProcess(String... properties) {
		StandardEnvironment environment = new StandardEnvironment();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, properties);
		new PoolDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment).bindOrCreate("spring.r2dbc.pool", R2dbcProperties.Pool.class);
	}

}
