package org.riemopt.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.riemopt.spec.SpecException;
import org.riemopt.spec.SpecLoader;
import org.riemopt.runtime.PluginRuntime;
import org.riemopt.spi.PluginFault;
import org.riemopt.spi.PluginRegistry;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code riemopt} command: {@code run}, {@code check}, {@code certify}, {@code slice}, {@code compare},
 * {@code sweep}, {@code plugins}, {@code bench} and {@code help}.
 *
 * <p>Exit status: 0 on success, 2 for a usage or spec error (nothing is printed on stdout then), 1 if a run fails
 * for another reason, 128 + the signal's number when interrupted (130 for SIGINT, 143 for SIGTERM).
 */
@Command(name = "riemopt", mixinStandardHelpOptions = true, versionProvider = Riemopt.Version.class,
        description = "Optimization on Riemannian manifolds for low-rank matrix recovery.",
        subcommands = {RunCommand.class, CheckCommand.class, CertifyCommand.class, SliceCommand.class,
                CompareCommand.class, SweepCommand.class, PluginsCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Riemopt {

    /** Exit status of a usage or spec error. */
    static final int USAGE_ERROR = 2;

    /** Exit status of a run that failed: a numerical failure (non-finite values) or a fault during the solve. */
    static final int RUN_FAILED = 1;

    /** The message of a run ended by a signal, after {@code riemopt: } on stderr. */
    static final String INTERRUPTED = "interrupted";

    /** Environment variable listing extra plugin directories, separated by the platform's path separator. */
    static final String PLUGINS_VARIABLE = "RIEMOPT_PLUGINS";

    @Option(names = "--plugins", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "also load the plugin bundles (jars) in DIR; may be repeated. The distribution's "
                    + "bundles/ and plugins/ directories and those in $" + PLUGINS_VARIABLE + " are always loaded.")
    private List<Path> pluginDirectories = new ArrayList<>();

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "on an error, also print its Java stack trace (for reporting a bug in riemopt or a plugin)")
    private boolean debug;

    @Option(names = "--quiet", scope = CommandLine.ScopeType.INHERIT,
            description = "show no progress on stderr (by default, work that lasts more than a second shows it "
                    + "when riemopt runs in a terminal)")
    private boolean quiet;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "print progress on stderr as lines, terminal or not: each iteration of run and bench, "
                    + "each finished trial of compare and sweep")
    private boolean verbose;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec command;

    private final Map<String, String> environment;
    private final PrintWriter warnings;
    private final Interrupts interrupts;
    private PluginRuntime runtime;
    private PluginRegistry registry;

    Riemopt(Map<String, String> environment, PrintWriter warnings, Interrupts interrupts) {
        this.environment = environment;
        this.warnings = warnings;
        this.interrupts = interrupts;
    }

    /** What a signal does to this invocation. */
    Interrupts interrupts() {
        return interrupts;
    }

    /** How the commands show progress, from {@code --quiet} and {@code --verbose}. */
    ProgressStyle progressStyle() {
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(command.commandLine(), "--quiet and --verbose contradict each "
                    + "other; give at most one");
        }
        return ProgressStyle.of(quiet, verbose);
    }

    /**
     * The plugin registry of this invocation: the class path's providers, plus those of the bundles in the plugin
     * directories when there are any (an embedded Felix is started only then).
     */
    PluginRegistry registry() {
        if (registry == null) {
            for (Path dir : pluginDirectories) {
                if (!Files.isDirectory(dir)) {
                    throw new CommandLine.ParameterException(command.commandLine(),
                            "--plugins " + dir + ": not a directory; give a directory holding plugin jars");
                }
            }
            List<Path> directories = pluginDirectories();
            if (directories.stream().anyMatch(Files::isDirectory)) {
                runtime = PluginRuntime.start(directories);
                registry = runtime.registry();
            } else {
                registry = PluginRegistry.fromClassPath();
            }
        }
        return registry;
    }

    /** The distribution's own directories, then {@code $RIEMOPT_PLUGINS}, then {@code --plugins}. */
    private List<Path> pluginDirectories() {
        List<Path> out = new ArrayList<>();
        String home = System.getProperty("riemopt.home");
        if (home != null) {
            out.add(Path.of(home, "bundles"));
            out.add(Path.of(home, "plugins"));
        }
        String variable = environment.get(PLUGINS_VARIABLE);
        if (variable != null) {
            for (String dir : variable.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                if (!Files.isDirectory(Path.of(dir))) {
                    warnings.println("riemopt: warning: " + PLUGINS_VARIABLE + " names " + dir
                            + ", which is not a directory; it is ignored");
                }
                out.add(Path.of(dir));
            }
        }
        out.addAll(pluginDirectories);
        return out;
    }

    private void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** A spec loader on this invocation's registry. */
    SpecLoader specLoader() {
        return new SpecLoader(registry());
    }

    /**
     * Runs the command line and exits with its status. Only the commands write to stdout: anything else that
     * prints there (a plugin, a library) is sent to stderr, so that {@code --json} output stays clean. SIGINT and
     * SIGTERM are handled as {@link Interrupts} says.
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        System.setOut(System.err);
        PrintWriter err = new PrintWriter(System.err, true);
        Interrupts interrupts = exitingOnSignal(err);
        Interrupts.install(interrupts);
        System.exit(execute(args, out, err, System.getenv(), interrupts));
    }

    /**
     * Runs the command line with the given streams and returns the exit status. The JVM's signal handling is left
     * as it is.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, System.getenv());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)} with the given environment variables. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return execute(args, out, err, environment, exitingOnSignal(err));
    }

    /** Interrupts that end the process, after one line on {@code err}, when a signal does not stop a solve. */
    private static Interrupts exitingOnSignal(PrintWriter err) {
        return new Interrupts(status -> {
            err.println("riemopt: " + INTERRUPTED);
            err.flush();
            System.exit(status);
        });
    }

    /**
     * As {@link #execute(String[], PrintWriter, PrintWriter)} with the given environment variables and interrupt
     * handling.
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                       Interrupts interrupts) {
        Riemopt riemopt = new Riemopt(environment, err, interrupts);
        CommandLine cli = new CommandLine(riemopt);
        withHelpOptions(cli);
        cli.setOut(out);
        // options of the top command that contradict each other are refused before any command runs
        cli.setExecutionStrategy(parseResult -> {
            riemopt.progressStyle();
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            // One line naming the problem, one hint; the full usage only on request (-h).
            err.println("riemopt: " + e.getMessage());
            err.println("riemopt: see 'riemopt " + helpTopic(e.getCommandLine()) + "--help'");
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> riemopt.report(e, err));
        int status;
        try {
            status = cli.execute(args);
        } catch (Error e) {
            // picocli hands only exceptions to the handler; an Error (a plugin's arrives as a PluginFault) gets the
            // same one line rather than a stack trace
            status = riemopt.report(e, err);
        } finally {
            riemopt.close();
        }
        out.flush();
        err.flush();
        return status;
    }

    /** Prints the one-line message of a failure (and with {@code --debug} its stack trace); returns the status. */
    private int report(Throwable e, PrintWriter err) {
        int status;
        PluginFault fault = pluginFault(e);
        if (e instanceof SpecException || e instanceof CommandLine.ParameterException) {
            err.println("riemopt: " + e.getMessage());
            status = USAGE_ERROR;
        } else if (fault != null) {
            err.println("riemopt: " + fault.getMessage());
            status = RUN_FAILED;
        } else {
            err.println("riemopt: " + PluginFault.describe(e) + (debug ? "" : " (--debug shows where)"));
            status = RUN_FAILED;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        return status;
    }

    /** The plugin fault behind {@code e} (possibly wrapped, e.g. by a worker thread's executor), or null. */
    private static PluginFault pluginFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PluginFault f) {
                return f;
            }
        }
        return null;
    }

    /** Gives every subcommand, at every depth, {@code -h/--help} (and {@code -V/--version}). */
    private static void withHelpOptions(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelpOptions(sub);
        }
    }

    /** The subcommand path of {@code command} for a hint, e.g. {@code "sweep merge "}, empty for the top command. */
    private static String helpTopic(CommandLine command) {
        String name = command.getCommandSpec().qualifiedName(" ");
        int space = name.indexOf(' ');
        return space < 0 ? "" : name.substring(space + 1) + " ";
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
