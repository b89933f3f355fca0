package io.github.duality.sample.product;

import java.math.BigDecimal;

import io.github.duality.sample.InvalidRequestException;

/**
 * The body of {@code POST /products}.
 */
record NewProduct(String name, BigDecimal price) {

	/** {@code NUMERIC(10, 2)} holds 8 digits before the decimal point. */
	private static final BigDecimal PRICE_LIMIT = new BigDecimal("100000000");

	/**
	 * Refuses what the {@code products} table would reject or silently round, with a message for the caller
	 * instead of a database error.
	 */
	NewProduct validated() {
		if (this.name == null || this.name.isBlank()) {
			throw new InvalidRequestException("name is required");
		}
		if (this.price == null) {
			throw new InvalidRequestException("price is required");
		}
		if (this.price.signum() < 0) {
			throw new InvalidRequestException("price must not be negative");
		}
		if (this.price.stripTrailingZeros().scale() > 2) {
			throw new InvalidRequestException("price must have at most 2 decimal places");
		}
		if (this.price.compareTo(PRICE_LIMIT) >= 0) {
			throw new InvalidRequestException("price must be less than " + PRICE_LIMIT.toPlainString());
		}
		return this;
	}

}
