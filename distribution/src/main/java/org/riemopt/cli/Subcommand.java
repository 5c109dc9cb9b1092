package org.riemopt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** What every {@code riemopt} subcommand shares: the top command (registry, spec loader) and stdout. */
abstract class Subcommand {

    @ParentCommand
    Riemopt parent;

    @CommandLine.Spec
    CommandSpec command;

    /** The command's standard output. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** The command's standard error, for messages and progress. */
    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** The {@code SPEC} argument of commands that work on a problem spec. */
    static final class SpecFile {
        @Parameters(paramLabel = "SPEC", description = "the problem spec file (YAML or JSON)")
        Path path;
    }

    /** The {@code --json} option. */
    static final class JsonOutput {
        @Option(names = "--json", description = "print one JSON object on stdout and nothing else")
        boolean enabled;
    }

    /**
     * Runs the spec's solver from its start. A solver that refuses the problem (an option that does not fit the
     * manifold, a loss it cannot use) is reported as an error of the spec's {@code solver} key.
     */
    static <P, T> Result<P> solve(Instance<P, T> instance) {
        return solve(instance, RunMonitor.none());
    }

    /** As {@link #solve(Instance)}, with the caller's listeners, stopping rule and statistics. */
    static <P, T> Result<P> solve(Instance<P, T> instance, RunMonitor<P> monitor) {
        try {
            return instance.solver().solve(instance.problem(), instance.start(), monitor);
        } catch (IllegalArgumentException e) {
            throw new SpecException("solver", e.getMessage());
        }
    }

    /** Loads and resolves a spec file with this invocation's plugins. */
    Instance<?, ?> load(SpecFile spec) {
        return parent.specLoader().load(spec.path);
    }
}
