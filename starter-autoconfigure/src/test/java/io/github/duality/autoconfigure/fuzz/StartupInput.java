package io.github.duality.autoconfigure.fuzz;

import java.util.ArrayList;
import java.util.List;

import io.github.duality.testsupport.fuzz.PlantedPassword;
import org.jspecify.annotations.Nullable;

import static io.github.duality.autoconfigure.fuzz.HostileStartupInputs.ENCODED;
import static io.github.duality.autoconfigure.fuzz.HostileStartupInputs.PASSWORD;

/**
 * One startup's {@code spring.datasource.url}, with the {@code username} and {@code password} set beside it, and the
 * passwords planted in the URL.
 */
record StartupInput(String url, @Nullable String user, @Nullable String password, List<PlantedPassword> planted) {

	StartupInput(String url, @Nullable String user, @Nullable String password) {
		this(url, user, password, PlantedPassword.USUAL);
	}

	StartupInput withUrl(String url) {
		return new StartupInput(url, this.user, this.password, this.planted);
	}

	StartupInput planting(String writtenPassword) {
		List<PlantedPassword> planted = new ArrayList<>(this.planted);
		planted.add(new PlantedPassword(writtenPassword));
		return new StartupInput(this.url, this.user, this.password, planted);
	}

	/** Valid inputs in every form the starter accepts, the password in the URL or beside it. */
	static List<StartupInput> seeds() {
		String userInfo = "app:" + ENCODED + "@";
		return List.of(new StartupInput("postgres://" + userInfo + "db.example.com:5432/shop?sslmode=require", null, null),
				new StartupInput("postgresql://" + userInfo + "db.example.com/shop?application_name=fuzz&connect_timeout=10",
						null, null),
				new StartupInput("postgresql://" + userInfo + "db1.example.com:5432,db2.example.com:5433/shop"
						+ "?target_session_attrs=read-write", null, null),
				new StartupInput("postgres://app@db.example.com/shop?password=" + ENCODED + "&sslmode=disable", null,
						null),
				new StartupInput("postgres://" + userInfo + "[::1]:5432/shop?sslmode=prefer", null, null),
				new StartupInput("postgresql+asyncpg://" + userInfo + "db.example.com/shop?ssl=require", null, null),
				new StartupInput("jdbc:postgresql://db.example.com:5432/shop?user=app&password=" + ENCODED
						+ "&sslmode=require", null, null),
				new StartupInput("jdbc:postgresql://db1.example.com,db2.example.com/shop?targetServerType=primary"
						+ "&user=app&password=" + ENCODED, null, null),
				new StartupInput("jdbc:postgresql://db.example.com/shop?ApplicationName=fuzz", "app", PASSWORD),
				new StartupInput("r2dbc:postgresql://" + userInfo + "db.example.com:5432/shop?sslMode=require"
						+ "&connectTimeout=PT10S", null, null),
				new StartupInput("r2dbc:pool:postgresql://" + userInfo + "db.example.com/shop", null, null),
				new StartupInput("r2dbc:postgresql:failover://" + userInfo + "db1.example.com,db2.example.com:5433/shop"
						+ "?targetServerType=primary", null, null),
				new StartupInput("r2dbc:postgresql://app@db.example.com/shop?password=" + ENCODED, null, null),
				new StartupInput("postgres://app@db.example.com/shop", null, PASSWORD),
				new StartupInput("r2dbc:postgresql://db.example.com/shop", "app", PASSWORD),
				new StartupInput("postgres://app@db.example.com/shop", null, "${" + PASSWORD),
				new StartupInput("postgres://db.example.com/shop", "app", PASSWORD + "${duality.fuzz.missing}"));
	}

	/** The passwords this input holds as passwords: planted ones the mutations left in place, and the one beside. */
	List<String> secrets() {
		List<String> secrets = new ArrayList<>(PlantedPassword.stillPasswordsIn(this.url, this.planted));
		if (this.password != null) {
			secrets.add(this.password);
		}
		return secrets;
	}

	/** Short enough for a report: the start and end of a huge input, its length between. */
	String abbreviated() {
		String url = (this.url.length() <= 300) ? this.url
				: this.url.substring(0, 150) + "...(" + this.url.length() + " chars)..."
						+ this.url.substring(this.url.length() - 150);
		StringBuilder printable = new StringBuilder();
		url.codePoints().forEach((c) -> printable.append((Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
				|| Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.SURROGATE)
						? String.format("\\u%04x", c) : Character.toString(c)));
		return printable + ((this.user != null) ? " [username beside]" : "") + ((this.password != null) ? " [password beside]" : "");
	}

}
