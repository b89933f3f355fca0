package io.github.duality.sample;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the API refuses with 400; the reason becomes the {@code detail} of the problem response.
 */
public class InvalidRequestException extends ResponseStatusException {

	public InvalidRequestException(String reason) {
		super(HttpStatus.BAD_REQUEST, reason);
	}

}
