package org.riemopt.spec;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.Loss;
import org.riemopt.problem.MeasurementOperator;
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

    /**
     * An operator whose calls are the plugin's, with the Jacobians and selections it makes. It is a proxy with every
     * interface of the plugin's class, so that the host still recognizes what else the operator is (a
     * {@code Counterexample}, observed entries). An operator of the framework's own classes runs no plugin code and
     * is kept as it is.
     */
    static MeasurementOperator operator(MeasurementOperator operator, Maker maker) {
        Class<?> type = operator.getClass();
        if (Proxy.isProxyClass(type) || type.getClassLoader() == MeasurementOperator.class.getClassLoader()
                && type.getPackageName().equals(MeasurementOperator.class.getPackageName())) {
            return operator;
        }
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            collectInterfaces(c, interfaces);
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> operator.toString();
                };
            }
            Object result;
            try {
                result = method.invoke(operator, args);
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (t instanceof IllegalArgumentException && !method.getName().equals("apply")
                        && !method.getName().equals("adjoint")) {
                    throw t;
                }
                throw maker.fault(t);
            } catch (IllegalAccessException e) {
                throw maker.fault(e);
            }
            if (result instanceof FactorJacobian j) {
                return jacobian(j, maker);
            }
            if (result instanceof MeasurementOperator o) {
                return operator(o, maker);
            }
            return result;
        };
        return (MeasurementOperator) Proxy.newProxyInstance(type.getClassLoader(), interfaces.toArray(Class<?>[]::new),
                handler);
    }

    private static void collectInterfaces(Class<?> c, Set<Class<?>> out) {
        for (Class<?> i : c.getInterfaces()) {
            if (Modifier.isPublic(i.getModifiers()) && out.add(i)) {
                collectInterfaces(i, out);
            }
        }
    }

    private static FactorJacobian jacobian(FactorJacobian j, Maker maker) {
        if (j == null || j.getClass().getClassLoader() == FactorJacobian.class.getClassLoader()
                && j.getClass().getPackageName().startsWith("org.riemopt.")) {
            return j;
        }
        return new FactorJacobian() {
            @Override
            public double[] values() {
                try {
                    return j.values();
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public double[] weights() {
                try {
                    return j.weights();
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public double[] push(DenseMatrix a, DenseMatrix b) {
                try {
                    return j.push(a, b);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public Pullback pull(double[] w) {
                try {
                    return j.pull(w);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }

            @Override
            public AmbientMatrix adjoint(double[] w) {
                try {
                    return j.adjoint(w);
                } catch (Throwable t) {
                    throw maker.fault(t);
                }
            }
        };
    }
}
