package io.github.duality.bench;

/**
 * The three ways the sample app gets its database, each a jar of its own built from the same sources and change
 * log.
 */
enum Wiring {

	/** The sample app itself: {@code spring.datasource.url} and the Duality starter. */
	STARTER("starter", "Duality starter, one spring.datasource.url"),

	/** Plain Spring Boot: {@code spring.r2dbc.url} and {@code spring.liquibase.url}, written by hand. */
	BASELINE("baseline", "hand-wired: spring.r2dbc.url + spring.liquibase.url, no starter"),

	/** spring-boot-starter-jdbc next to spring-boot-starter-data-r2dbc: a HikariCP pool for Liquibase. */
	NAIVE("naive", "starter-jdbc + starter-data-r2dbc + Liquibase on a HikariCP DataSource");

	private final String label;

	private final String description;

	Wiring(String label, String description) {
		this.label = label;
		this.description = description;
	}

	String label() {
		return this.label;
	}

	String description() {
		return this.description;
	}

}
