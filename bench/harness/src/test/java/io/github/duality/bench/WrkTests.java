package io.github.duality.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WrkTests {

	private static final String OUTPUT = """
			Running 6s test @ http://127.0.0.1:40123/products/1
			  2 threads and 32 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     5.12ms    2.34ms   1.02s    80.00%
			    Req/Sec     3.12k   300.00     4.00k    70.00%
			  Latency Distribution
			     50%  812.00us
			     75%    6.00ms
			     90%    8.00ms
			     99%    1.20s
			  37412 requests in 6.00s, 12.34MB read
			  Socket errors: connect 0, read 2, write 0, timeout 3
			  Non-2xx or 3xx responses: 4
			Requests/sec:   6234.50
			Transfer/sec:      1.23MB
			""";

	@Test
	void readsThroughputPercentilesInMillisecondsAndFailures() {
		Wrk.Result result = Wrk.parse(OUTPUT);
		assertThat(result.requestsPerSecond()).isEqualTo(6234.50);
		assertThat(result.p50Millis()).isCloseTo(0.812, within(1e-9));
		assertThat(result.p99Millis()).isCloseTo(1200, within(1e-9));
		assertThat(result.errors()).isEqualTo(9);
	}

}
