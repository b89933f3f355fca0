package io.github.duality.bench;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LiquibaseLogTests {

	private static final String PREFIX = "  INFO 9781 --- [duality-sample] [           main] ";

	@Test
	void timesFromLiquibasesFirstLineToCommandExecutionComplete() {
		List<String> log = List.of(
				"2026-12-07T18:53:57.896Z" + PREFIX + "o.s.b.a.e.web.EndpointLinksResolver      : Exposing 2 endpoints",
				"2026-12-07T18:53:59.223Z" + PREFIX + "liquibase.database                       : Set default schema name to public",
				"2026-12-07T18:54:02.937Z" + PREFIX + "liquibase.util                           : Run:                        300",
				"2026-12-07T18:54:02.945Z" + PREFIX + "liquibase.command                        : Command execution complete",
				"2026-12-07T18:54:03.092Z" + PREFIX + "o.s.boot.reactor.netty.NettyWebServer    : Netty started on port 18082");
		assertThat(LiquibaseLog.runTime(log)).isEqualTo(Duration.ofMillis(3722));
	}

	@Test
	void aRunWithoutItsEndIsAnError() {
		List<String> log = List.of(
				"2026-12-07T18:53:59.223+01:00" + PREFIX + "liquibase.database                       : Set default schema name to public");
		assertThatIllegalStateException().isThrownBy(() -> LiquibaseLog.runTime(log))
			.withMessage("Liquibase never logged 'Command execution complete'");
		assertThatIllegalStateException().isThrownBy(() -> LiquibaseLog.runTime(List.of()))
			.withMessage("Liquibase logged nothing");
	}

}
