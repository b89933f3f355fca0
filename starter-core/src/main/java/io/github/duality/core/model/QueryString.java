package io.github.duality.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The query of one URL split once into its {@code name=value} pairs, each with its offset in the URL, so that the
 * parsers check repeats and locate secrets for masking on the same pieces. Split as {@code String.split("&")} splits:
 * empty pairs in the middle are kept, empty pairs at the end are not; an empty query has no pairs.
 */
public final class QueryString {

	/** A URL without a query. */
	public static final QueryString NONE = new QueryString(List.of());

	private final List<Pair> pairs;

	private QueryString(List<Pair> pairs) {
		this.pairs = List.copyOf(pairs);
	}

	/** The query after the first {@code '?'} of {@code url}; no pairs when there is none. */
	public static QueryString of(String url) {
		int queryStart = url.indexOf('?');
		return (queryStart >= 0) ? of(url, queryStart + 1) : NONE;
	}

	/** The query that runs from {@code start} to the end of {@code url}. */
	public static QueryString of(String url, int start) {
		List<Pair> pairs = new ArrayList<>();
		if (start >= url.length()) {
			return new QueryString(pairs);
		}
		int pairStart = start;
		for (int ampersand = url.indexOf('&', start); ampersand >= 0; ampersand = url.indexOf('&', pairStart)) {
			pairs.add(new Pair(url.substring(pairStart, ampersand), pairStart));
			pairStart = ampersand + 1;
		}
		pairs.add(new Pair(url.substring(pairStart), pairStart));
		while (!pairs.isEmpty() && pairs.get(pairs.size() - 1).text().isEmpty()) {
			pairs.remove(pairs.size() - 1);
		}
		return new QueryString(pairs);
	}

	public List<Pair> pairs() {
		return this.pairs;
	}

	/**
	 * One piece of the query between two {@code '&'}, as written.
	 *
	 * @param text the piece
	 * @param start its offset in the URL
	 */
	public record Pair(String text, int start) {

		/** The offset of the first {@code '='}, or -1. */
		public int equals() {
			return this.text.indexOf('=');
		}

		/** The text before the first {@code '='}, or all of it. */
		public String name() {
			int equals = equals();
			return (equals >= 0) ? this.text.substring(0, equals) : this.text;
		}

		/** The text after the first {@code '='}, or empty. */
		public String value() {
			int equals = equals();
			return (equals >= 0) ? this.text.substring(equals + 1) : "";
		}

		/** Where the value starts in the URL. */
		public int valueStart() {
			return this.start + equals() + 1;
		}

		/** Where the pair ends in the URL. */
		public int end() {
			return this.start + this.text.length();
		}

	}

}
