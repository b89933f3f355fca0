package io.github.duality.autoconfigure.slices;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the slice tests of this package find, as a user's {@code @SpringBootApplication}: its
 * repositories and controllers are what the slices keep or leave out.
 */
@SpringBootApplication
public class SliceTestApplication {

}
