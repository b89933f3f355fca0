package io.github.duality.core.model;

import org.jspecify.annotations.Nullable;

/**
 * Who connects. Its {@link #toString()} masks the password.
 *
 * @param user the role
 * @param password the password, or {@code null} when the server needs none (trust, certificate authentication)
 */
public record Credentials(String user, @Nullable String password) {

	@Override
	public String toString() {
		return "Credentials[user=" + this.user + ", password=" + ((this.password != null) ? Secrets.MASK : null) + "]";
	}

}
