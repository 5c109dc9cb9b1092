package org.riemopt.spec;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.riemopt.linalg.AmbientMatrix;
import org.riemopt.linalg.DenseMatrix;
import org.riemopt.manifold.Manifold;
import org.riemopt.manifold.SearchSpace;
import org.riemopt.problem.FactorJacobian;
import org.riemopt.problem.Lift;
import org.riemopt.problem.Linearization;
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
     * is kept as it is. An {@code IllegalArgumentException} is the operator's answer to a caller's bad argument and
     * passes unchanged, except from {@code apply} and {@code adjoint}, whose arguments the host sizes itself.
     */
    static MeasurementOperator operator(MeasurementOperator operator, Maker maker) {
        if (isHost(operator, MeasurementOperator.class.getPackageName())) {
            return operator;
        }
        return (MeasurementOperator) proxy(operator, maker,
                method -> !method.equals("apply") && !method.equals("adjoint"), result -> {
                    if (result instanceof FactorJacobian j) {
                        return jacobian(j, maker);
                    }
                    if (result instanceof MeasurementOperator o) {
                        return operator(o, maker);
                    }
                    return result;
                });
    }

    /**
     * A search space whose manifold and lifts are the plugin's: every call of them, during the solve too, reports
     * a failure as the plugin's. Only {@code pointFromMatrix}/{@code pointFromFactors} may refuse a point with an
     * {@code IllegalArgumentException} (the spec's {@code init} is then wrong). The host's own manifolds are kept
     * as they are.
     */
    @SuppressWarnings("unchecked")
    static <P, T> SearchSpace<P, T> space(SearchSpace<P, T> space, Maker maker) {
        if (isHost(space, "org.riemopt.")) {
            return space;
        }
        // one guard per part, so that the space hands out the same manifold object at every call, as it did
        Map<Object, Object> guarded = Collections.synchronizedMap(new IdentityHashMap<>());
        return (SearchSpace<P, T>) proxy(space, maker, method -> method.startsWith("pointFrom"),
                result -> guardedPart(result, maker, guarded));
    }

    /**
     * A manifold or lift made by a manifold plugin, guarded (a lift's linearizations too); a map of lifts with each
     * guarded; anything else as is.
     */
    private static Object guardedPart(Object part, Maker maker, Map<Object, Object> guarded) {
        if (part instanceof Map<?, ?> map && map.values().stream().anyMatch(v -> v instanceof Lift<?, ?>)) {
            return guarded.computeIfAbsent(part, p -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, guardedPart(v, maker, guarded)));
                return Collections.unmodifiableMap(out);
            });
        }
        if ((part instanceof Manifold<?, ?> || part instanceof Lift<?, ?>) && !isHost(part, "org.riemopt.")) {
            return guarded.computeIfAbsent(part, p -> proxy(p, maker, method -> false,
                    result -> guardedLinearization(result, maker)));
        }
        return part;
    }

    /**
     * A plugin lift's linearization, guarded: the host alone calls it (values, products, curvature), so a proxy
     * cannot break the plugin's own casts. Points, tangent vectors and ambient matrices pass as they are, since the
     * plugin's manifold may expect its own classes back.
     */
    private static Object guardedLinearization(Object result, Maker maker) {
        if (result instanceof Linearization<?> && !isHost(result, "org.riemopt.")) {
            return proxy(result, maker, method -> false, r -> r);
        }
        return result;
    }

    /**
     * Whether {@code o} is already guarded, or an object of the host's own classes in packages starting with
     * {@code prefix}. (A plugin's own proxies are plugin code.)
     */
    private static boolean isHost(Object o, String prefix) {
        Class<?> type = o.getClass();
        if (Proxy.isProxyClass(type)) {
            return Proxy.getInvocationHandler(o) instanceof Guard;
        }
        return type.getClassLoader() == Guards.class.getClassLoader() && type.getPackageName().startsWith(prefix);
    }

    /**
     * A proxy with every public interface of {@code target}'s class, forwarding each call and turning what it throws
     * into {@code maker}'s fault, except an {@code IllegalArgumentException} from the methods {@code passesArgument}
     * names; each result goes through {@code results}.
     */
    private static Object proxy(Object target, Maker maker, Predicate<String> passesArgument,
            UnaryOperator<Object> results) {
        Class<?> type = target.getClass();
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            collectInterfaces(c, interfaces);
        }
        return Proxy.newProxyInstance(type.getClassLoader(), interfaces.toArray(Class<?>[]::new),
                new Guard(target, maker, passesArgument, results));
    }

    /** The calls of a guarded proxy: see {@link #proxy}. */
    private record Guard(Object target, Maker maker, Predicate<String> passesArgument, UnaryOperator<Object> results)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> target.toString();
                };
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (t instanceof IllegalArgumentException && passesArgument.test(method.getName())) {
                    throw t;
                }
                throw maker.fault(t);
            } catch (IllegalAccessException e) {
                throw maker.fault(e);
            }
            return results.apply(result);
        }
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
            public Pullback gaussNewton(DenseMatrix a, DenseMatrix b, double[] s, double[] scaled) {
                try {
                    return j.gaussNewton(a, b, s, scaled);
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
