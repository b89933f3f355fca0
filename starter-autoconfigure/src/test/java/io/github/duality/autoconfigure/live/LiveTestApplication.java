package io.github.duality.autoconfigure.live;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application using the starter: everything database-related comes from auto-configuration.
 */
@SpringBootApplication
public class LiveTestApplication {

}
