/**
 * The benchmark harness: starts the starter, hand-wired and naive wirings of the sample app one after another on one
 * database, measures them alike, and writes one Markdown report. Run by {@code bench/run}, never by the build.
 */
@NullMarked
package io.github.duality.bench;

import org.jspecify.annotations.NullMarked;
