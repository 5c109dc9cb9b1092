package org.riemopt.spec;

import java.io.UncheckedIOException;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.problem.Loss;
import org.riemopt.problem.Objective;
import org.riemopt.problem.Regularizer;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.solver.Solver;
import org.riemopt.spi.PluginFault;
import org.riemopt.spi.PluginRegistry;

/**
 * The boundary between the host and what plugins made: each object a provider creates is wrapped so that anything
 * it throws, errors included, becomes a {@link PluginFault} naming the plugin, its origin and the spec key.
 */
final class Guards {

    private Guards() {
    }

    /** Who made an object: the registry entry of its provider and the spec key that chose it. */
    record Maker(PluginRegistry.Entry entry, String key) {

        /** {@code t} as a fault of this plugin; a fault already attributed (to an inner plugin) is kept. */
        RuntimeException fault(Throwable t) {
            if (t instanceof PluginFault f) {
                return f;
            }
            return new PluginFault(entry.name(), entry.family(), entry.origin(), key, t);
        }
    }

    static Loss loss(Loss loss, Maker maker) {
        return new Loss() {
            @Override
            public String name() {
                try {
                    return loss.name();
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public double value(double r) {
                try {
                    return loss.value(r);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public double derivative(double r) {
                try {
                    return loss.derivative(r);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public double secondDerivative(double r) {
                try {
                    return loss.secondDerivative(r);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public boolean isTwiceDifferentiable() {
                try {
                    return loss.isTwiceDifferentiable();
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public double sum(double[] residual) {
                try {
                    return loss.sum(residual);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public String toString() {
                return loss.toString();
            }
        };
    }

    static <P, T> Regularizer<P, T> regularizer(Regularizer<P, T> regularizer, Maker maker) {
        return new Regularizer<>() {
            @Override
            public double value(P x) {
                try {
                    return regularizer.value(x);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public AmbientMatrix euclideanGradient(P x) {
                try {
                    return regularizer.euclideanGradient(x);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public AmbientMatrix euclideanHessian(P x, T u) {
                try {
                    return regularizer.euclideanHessian(x, u);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }
        };
    }

    /**
     * A solver whose own failures are the plugin's; its documented refusal of a problem
     * ({@link IllegalArgumentException}), spec errors and the host's own output errors pass through.
     */
    static Solver solver(Solver solver, Maker maker) {
        return new Solver() {
            @Override
            public String name() {
                try {
                    return solver.name();
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor) {
                try {
                    return solver.solve(problem, start, monitor);
                } catch (IllegalArgumentException | SpecException | UncheckedIOException e) {
                    throw e;
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public String toString() {
                return solver.toString();
            }
        };
    }
}
