package org.riemopt.cli;

import java.io.PrintWriter;

import org.riemopt.spec.SpecException;
import org.riemopt.spec.SpecLoader;
import org.riemopt.spi.PluginRegistry;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code riemopt} command: {@code run}, {@code check}, {@code plugins} and {@code help}.
 *
 * <p>Exit status: 0 on success, 2 for a usage or spec error (nothing is printed on stdout then), 1 if a run fails
 * for another reason.
 */
@Command(name = "riemopt", mixinStandardHelpOptions = true, versionProvider = Riemopt.Version.class,
        description = "Optimization on Riemannian manifolds for low-rank matrix recovery.",
        subcommands = {RunCommand.class, CheckCommand.class, PluginsCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Riemopt {

    /** Exit status of a usage or spec error. */
    static final int USAGE_ERROR = 2;

    private final PluginRegistry registry;

    Riemopt(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The plugin registry of this invocation. */
    PluginRegistry registry() {
        return registry;
    }

    /** A spec loader on this invocation's registry. */
    SpecLoader specLoader() {
        return new SpecLoader(registry);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Riemopt(PluginRegistry.fromClassPath()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SpecException) {
                err.println("riemopt: " + e.getMessage());
                return USAGE_ERROR;
            }
            err.println("riemopt: " + e);
            return 1;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The version from the jar manifest (or "development" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Riemopt.class.getPackage().getImplementationVersion();
            return new String[] {"riemopt " + (v == null ? "development" : v)};
        }
    }
}
