package io.github.duality.core.model;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The TCP side of a connection attempt; {@code null} means each driver's default.
 *
 * @param connectTimeout the timeout of a connection attempt, {@link Duration#ZERO} for none
 * @param tcpKeepAlive TCP keep-alive
 * @param tcpNoDelay TCP_NODELAY
 */
public record SocketOptions(@Nullable Duration connectTimeout, @Nullable Boolean tcpKeepAlive,
		@Nullable Boolean tcpNoDelay) {

}
