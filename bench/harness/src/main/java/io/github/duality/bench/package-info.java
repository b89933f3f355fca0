/**
 * The benchmark harness: runs the starter, hand-wired and naive wirings of the sample app on one database in
 * interleaved rounds, measures them alike, and writes one Markdown report with each ratio's spread and verdict. Run
 * by {@code bench/run}, never by the build.
 */
@NullMarked
package io.github.duality.bench;

import org.jspecify.annotations.NullMarked;
