/**
 * The {@code riemopt} command line: {@code run}, {@code check} and {@code plugins}, each with {@code --json}.
 * A spec error exits with status 2 and prints nothing on stdout. Commands are documented in {@code docs/cli.md}.
 */
package org.riemopt.cli;
