/**
 * The {@code riemopt} command line: {@code run}, {@code check}, {@code slice} (landscape slices drawn as
 * contour plots), {@code compare} and {@code sweep} (many seeded trials on a thread pool or sharded over a cluster,
 * summarized as tables, CSV and XChart plots), {@code plugins} and {@code bench}, with {@code --json} where they
 * report numbers.
 * A spec error exits with status 2 and prints nothing on stdout. Commands are documented in {@code docs/cli.md}.
 */
package org.riemopt.cli;
