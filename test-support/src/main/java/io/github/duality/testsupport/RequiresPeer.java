package io.github.duality.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class or method drives these programs: where one is missing it is skipped, with the package to install
 * as the reason, before any of its set-up (static fields, {@code @BeforeAll}); with {@value Peer#PROPERTY}
 * {@code =required} it fails instead. A class whose tests all need a peer declares it here rather than only calling
 * {@link Peer#executable()} in {@code @BeforeAll}: Surefire reports a class skipped from there as neither run nor
 * skipped, so the skip would go unseen.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PeerCondition.class)
public @interface RequiresPeer {

	/**
	 * The programs the tests drive.
	 * @return the peers
	 */
	Peer[] value();

}
