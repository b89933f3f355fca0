package io.github.duality.sample.user;

import io.github.duality.sample.InvalidRequestException;

/**
 * The body of {@code POST /users}.
 */
record NewUser(String email) {

	NewUser validated() {
		if (this.email == null || this.email.isBlank()) {
			throw new InvalidRequestException("email is required");
		}
		if (!this.email.contains("@")) {
			throw new InvalidRequestException("email must look like name@example.com");
		}
		return this;
	}

}
