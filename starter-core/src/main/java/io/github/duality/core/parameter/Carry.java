package io.github.duality.core.parameter;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.Draft;
import io.github.duality.core.model.ParameterFamily;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.jspecify.annotations.Nullable;

/**
 * How a parameter carried to both drivers travels: how each family reads its value, what the value claims in the
 * draft, and how each target writes it. As r2dbc-postgresql maps an option, {@code from(option).map(convert).to(set)},
 * a row states {@code read(reader).to(claim)} and then its writers.
 *
 * @param <T> the value's type once read
 */
public final class Carry<T> {

	/** How a carried value reaches the targets. */
	enum Writing {

		/** Written by this row's own writers. */
		OWN,

		/** Read into another row's value, and written as that row ({@link #writtenAs()}). */
		AS_ANOTHER_ROW,

		/** Written by the hand-written, structural part of the renderers (hosts, failover, trust, client keys). */
		BY_RENDERER

	}

	private final Map<ParameterFamily, ValueReader<T>> readers;

	private final @Nullable Claim<T> claim;

	private final Writing writing;

	private final @Nullable Parameter writtenAs;

	private final @Nullable Function<ConnectionSpec, @Nullable Object> pgjdbcWriter;

	private final @Nullable R2dbcWriter<?> r2dbcWriter;

	private Carry(Map<ParameterFamily, ValueReader<T>> readers, @Nullable Claim<T> claim, Writing writing,
			@Nullable Parameter writtenAs, @Nullable Function<ConnectionSpec, @Nullable Object> pgjdbcWriter,
			@Nullable R2dbcWriter<?> r2dbcWriter) {
		this.readers = readers;
		this.claim = claim;
		this.writing = writing;
		this.writtenAs = writtenAs;
		this.pgjdbcWriter = pgjdbcWriter;
		this.r2dbcWriter = r2dbcWriter;
	}

	/** A value read the same way in every family. */
	static <T> Carry<T> read(ValueReader<T> reader) {
		return read(reader, reader, reader);
	}

	/** A value each family spells its own way. */
	static <T> Carry<T> read(ValueReader<T> pgjdbc, ValueReader<T> libpq, ValueReader<T> r2dbc) {
		Map<ParameterFamily, ValueReader<T>> readers = new EnumMap<>(ParameterFamily.class);
		readers.put(ParameterFamily.PGJDBC, pgjdbc);
		readers.put(ParameterFamily.LIBPQ, libpq);
		readers.put(ParameterFamily.R2DBC, r2dbc);
		return new Carry<>(readers, null, Writing.OWN, null, null, null);
	}

	/** A structural value (hosts, ports, driver, protocol), read by the URL parsers and written by the renderers. */
	static Carry<Void> readByParsers() {
		return new Carry<>(Map.of(), null, Writing.BY_RENDERER, null, null, null);
	}

	/** What the value claims in the draft. */
	Carry<T> to(Claim<T> claim) {
		return new Carry<>(this.readers, claim, this.writing, this.writtenAs, this.pgjdbcWriter, this.r2dbcWriter);
	}

	/** A claim that names its source, so that two sources that disagree are reported. */
	Carry<T> toSourced(SourcedClaim<T> claim) {
		return to((reading, value) -> claim.claim(reading.draft(), value, reading.source()));
	}

	/** The pgjdbc property, under the row's preferred pgjdbc name; {@code null} writes nothing. */
	Carry<T> pgjdbc(Function<ConnectionSpec, @Nullable Object> writer) {
		return new Carry<>(this.readers, this.claim, Writing.OWN, null, writer, this.r2dbcWriter);
	}

	/** The r2dbc option, typed as the driver declares it; {@code null} writes nothing. */
	<V> Carry<T> r2dbc(Option<V> option, Function<ConnectionSpec, @Nullable V> writer) {
		return new Carry<>(this.readers, this.claim, Writing.OWN, null, this.pgjdbcWriter,
				new R2dbcWriter<>(option, writer));
	}

	/** The value becomes another row's, and is written as that row. */
	Carry<T> writtenAs(Parameter row) {
		return new Carry<>(this.readers, this.claim, Writing.AS_ANOTHER_ROW, row, null, null);
	}

	/** The value is written by the structural part of the renderers. */
	Carry<T> writtenByRenderers() {
		return new Carry<>(this.readers, this.claim, Writing.BY_RENDERER, null, null, null);
	}

	/** Reads the value with its family's reader and claims it in the draft. */
	public void apply(ValueReading reading) {
		ValueReader<T> reader = this.readers.get(reading.family());
		if (reader == null || this.claim == null) {
			throw new IllegalStateException(reading.name() + " is read by the URL parser, not here");
		}
		this.claim.claim(reading, reader.read(reading));
	}

	/** Whether the URL parsers read the value rather than a reader of this carry (hosts, ports, driver, protocol). */
	boolean isReadByParsers() {
		return this.readers.isEmpty();
	}

	/** Whether the family has a reader for the value. */
	boolean readsIn(ParameterFamily family) {
		return this.readers.containsKey(family) && this.claim != null;
	}

	Writing writing() {
		return this.writing;
	}

	Optional<Parameter> writtenAs() {
		return Optional.ofNullable(this.writtenAs);
	}

	public Optional<Function<ConnectionSpec, @Nullable Object>> pgjdbcWriter() {
		return Optional.ofNullable(this.pgjdbcWriter);
	}

	public Optional<R2dbcWriter<?>> r2dbcWriter() {
		return Optional.ofNullable(this.r2dbcWriter);
	}

	/**
	 * Reads one family's spelling of a value.
	 */
	@FunctionalInterface
	interface ValueReader<T> {

		T read(ValueReading reading);

	}

	/**
	 * Puts a read value into the draft.
	 */
	@FunctionalInterface
	interface Claim<T> {

		void claim(ValueReading reading, T value);

	}

	/**
	 * A draft setter that takes the value's source.
	 */
	@FunctionalInterface
	interface SourcedClaim<T> {

		void claim(Draft draft, T value, String source);

	}

	/**
	 * One r2dbc option and how its value is taken from the model.
	 */
	public record R2dbcWriter<V>(Option<V> option, Function<ConnectionSpec, @Nullable V> value) {

		/** Sets the option when the model has a value for it. */
		public void write(ConnectionSpec spec, ConnectionFactoryOptions.Builder options) {
			V written = this.value.apply(spec);
			if (written != null) {
				options.option(this.option, written);
			}
		}

	}

}
