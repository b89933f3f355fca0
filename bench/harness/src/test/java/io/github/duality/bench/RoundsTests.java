package io.github.duality.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.duality.bench.Wiring.BASELINE;
import static io.github.duality.bench.Wiring.NAIVE;
import static io.github.duality.bench.Wiring.STARTER;
import static org.assertj.core.api.Assertions.assertThat;

class RoundsTests {

	@Test
	void eachRoundTurnsTheOrderByOneSoEveryWiringTakesEveryPlace() {
		List<Wiring> all = List.of(STARTER, BASELINE, NAIVE);
		assertThat(Rounds.order(all, 1)).containsExactly(STARTER, BASELINE, NAIVE);
		assertThat(Rounds.order(all, 2)).containsExactly(BASELINE, NAIVE, STARTER);
		assertThat(Rounds.order(all, 3)).containsExactly(NAIVE, STARTER, BASELINE);
		assertThat(Rounds.order(all, 4)).containsExactly(STARTER, BASELINE, NAIVE);
		assertThat(Rounds.order(List.of(STARTER, BASELINE), 2)).containsExactly(BASELINE, STARTER);
	}

}
