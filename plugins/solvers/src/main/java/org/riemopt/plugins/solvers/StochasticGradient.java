package org.riemopt.plugins.solvers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.riemopt.manifold.Manifold;
import org.riemopt.problem.Objective;
import org.riemopt.problem.StochasticObjective;
import org.riemopt.solver.IterationRecord;
import org.riemopt.solver.Result;
import org.riemopt.solver.RunMonitor;
import org.riemopt.solver.Solver;
import org.riemopt.solver.SolverLoop;
import org.riemopt.solver.SolverOptions;
import org.riemopt.solver.SolverState;
import org.riemopt.solver.StopReason;
import org.riemopt.solver.StoppingCriterion;

/**
 * Riemannian stochastic gradient descent over the terms of a {@link StochasticObjective} (for a measurement problem,
 * its measurements), with optional momentum (Robbins and Monro 1951; Bonnabel, "Stochastic gradient descent on
 * Riemannian manifolds", IEEE TAC 2013, for the retraction step). With {@code g = batchGradient(X, batch)} (the sum
 * of the batch's term gradients, see {@link StochasticObjective#batchGradient}) and step size {@code α}, one step is
 * <pre>
 *   none:        X ← R_X(−α g)
 *   heavy-ball:  V ← βV − α g,   X ← R_X(V)                 (Polyak 1964)
 *   nesterov:    V ← βV − α g,   X ← R_X(βV − α g)          (Sutskever, Martens, Dahl, Hinton, ICML 2013)
 * </pre>
 * and then {@code V} is transported to the new point ({@code V = 0} at the start). On a Euclidean manifold the
 * retraction is {@code X + ·} and transport the identity, so the Nesterov form is exactly the protocol of Zhang
 * (2024), Figure 1.1 (seed 002): {@code V ← βV − α∇fᵢ(X)}, {@code X ← X + βV − α∇fᵢ(X)}, {@code i} cyclic and
 * reshuffled every epoch, which {@code sampling: cyclic-shuffled} with {@code batchSize: 1} is. On other manifolds
 * {@code V} is a tangent vector at the current point, carried along by the manifold's vector transport.
 *
 * <p>Sampling: {@code cyclic-shuffled} draws a random permutation of the terms at the start of every epoch and takes
 * consecutive batches of it (the last batch of an epoch takes what is left, so an epoch is
 * {@code ⌈terms/batchSize⌉} steps and uses every term once); {@code with-replacement} draws each batch's indices
 * uniformly and independently, an epoch being the same number of steps. The stream is seeded ({@code seed}), so a
 * run is reproducible bit for bit. The step size is multiplied by {@code decay} after every epoch.
 *
 * <p>Steps and records: {@code maxIterations} counts steps (minibatches). The cost and gradient norm of a record
 * each take a pass over all terms, which would dominate a step of batch size 1; so one {@link SolverLoop} iteration
 * performs {@code recordEvery} steps (default: one epoch) and records the full cost and gradient norm once, after
 * the last of them. The stopping rules (gradient, cost, time) therefore see the state at records only; the
 * iteration limit is met exactly (the last iteration takes only the steps that remain). In the {@link Result} and in
 * what listeners see, {@code iteration} is the number of steps done, so a trace of {@code sgd} is plotted against
 * steps like any other solver's against iterations. Each record carries {@code epoch} (epochs completed),
 * {@code stepLength} (the step size {@code α} of the last step, after decay) and, as its {@code stepSize}, the norm
 * of the last step's displacement.
 */
public final class StochasticGradient implements Solver {

    /** The momentum rule. */
    public enum Momentum {
        /** Plain stochastic gradient. */
        NONE("none"),
        /** Polyak's heavy ball: the step is the velocity. */
        HEAVY_BALL("heavy-ball"),
        /** Nesterov's accelerated form: the step looks ahead along the new velocity. */
        NESTEROV("nesterov");

        private final String label;

        Momentum(String label) {
            this.label = label;
        }

        /** The name in a spec. */
        public String label() {
            return label;
        }

        /** The rule named {@code label} in a spec. */
        public static Momentum of(String label) {
            for (Momentum m : values()) {
                if (m.label.equals(label)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("momentum '" + label + "': allowed: none, heavy-ball, nesterov");
        }
    }

    /** How batches are drawn. */
    public enum Sampling {
        /** A random permutation per epoch, visited in order. */
        CYCLIC_SHUFFLED("cyclic-shuffled"),
        /** Each index drawn uniformly, independently. */
        WITH_REPLACEMENT("with-replacement");

        private final String label;

        Sampling(String label) {
            this.label = label;
        }

        /** The name in a spec. */
        public String label() {
            return label;
        }

        /** The sampling named {@code label} in a spec. */
        public static Sampling of(String label) {
            for (Sampling s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("sampling '" + label + "': allowed: cyclic-shuffled, "
                    + "with-replacement");
        }
    }

    /**
     * @param stopping    shared stopping options; {@code maxIterations} counts steps
     * @param momentum    default {@code none}
     * @param stepSize    {@code α}, default 1e-2 (the step of seed 002's Figure 1.1)
     * @param beta        momentum {@code β} in {@code [0, 1)}, default 0.9; unused without momentum
     * @param batchSize   terms per step, default 1
     * @param sampling    default {@code cyclic-shuffled}
     * @param decay       factor on {@code α} after each epoch, in {@code (0, 1]}, default 1 (constant step)
     * @param seed        the sampling stream's seed, default 0
     * @param recordEvery steps per record (cost and gradient norm, one pass each), or 0 for once per epoch (the
     *                    default)
     */
    public record Options(SolverOptions stopping, Momentum momentum, double stepSize, double beta, int batchSize,
                          Sampling sampling, double decay, long seed, int recordEvery) {
        /** Defaults. */
        public static final Options DEFAULTS = new Options(SolverOptions.DEFAULTS, Momentum.NONE, 1e-2, 0.9, 1,
                Sampling.CYCLIC_SHUFFLED, 1, 0, 0);

        /** Checks the values. */
        public Options {
            if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
                throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
            }
            if (!(beta >= 0 && beta < 1)) {
                throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            }
            if (!(decay > 0 && decay <= 1)) {
                throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
            }
            if (recordEvery < 0) {
                throw new IllegalArgumentException("recordEvery must be >= 1 (or 0 for once per epoch), got "
                        + recordEvery);
            }
        }
    }

    private final Options options;

    /** A solver with these options. */
    public StochasticGradient(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "sgd";
    }

    /**
     * @throws IllegalArgumentException if {@code problem} is not a {@link StochasticObjective}
     */
    @Override
    public <P, T> Result<P> solve(Objective<P, T> problem, P start, RunMonitor<P> monitor) {
        if (!(problem instanceof StochasticObjective<P, T> stochastic)) {
            throw new IllegalArgumentException("sgd needs a cost that is a sum of terms (a StochasticObjective, such "
                    + "as a measurement problem), but got a " + problem.getClass().getSimpleName()
                    + "; use a deterministic solver such as gradient-descent");
        }
        State<P, T> state = new State<>(stochastic, start, options);
        int maxSteps = options.stopping().maxIterations();
        // The loop counts records; the step limit is checked on the state's step count instead.
        StoppingCriterion stepsDone = r -> state.steps >= maxSteps
                ? Optional.of(new StopReason("maxIterations", "reached maxIterations " + maxSteps + " (steps)", false))
                : Optional.empty();
        StoppingCriterion stop = options.stopping().withMaxIterations(Integer.MAX_VALUE).stoppingCriterion()
                .or(stepsDone);
        List<IterationRecord> trace = new ArrayList<>();
        Consumer<IterationRecord> renumber = r -> {
            IterationRecord inSteps = new IterationRecord(state.steps, r.cost(), r.gradientNorm(), r.timeSeconds(),
                    r.stepSize(), r.extra());
            trace.add(inSteps);
            for (Consumer<IterationRecord> listener : monitor.listeners()) {
                listener.accept(inSteps);
            }
        };
        Result<P> r = SolverLoop.run(name(), state, stop, monitor.withListeners(List.of(renumber)));
        return new Result<>(r.solver(), r.point(), r.cost(), r.gradientNorm(), state.steps, r.timeSeconds(),
                r.stopReason(), trace);
    }

    private static final class State<P, T> implements SolverState<P> {
        private final StochasticObjective<P, T> objective;
        private final Manifold<P, T> manifold;
        private final Options options;
        private final int terms;
        private final int stepsPerEpoch;
        private final int recordEvery;
        private final int maxSteps;
        private final SplittableRandom random;
        private final int[] permutation;
        private P point;
        private T velocity;
        private double cost;
        private double gradientNorm;
        private int steps;
        private double stepLength;

        State(StochasticObjective<P, T> objective, P start, Options options) {
            this.objective = objective;
            this.manifold = objective.manifold();
            this.options = options;
            this.terms = objective.terms();
            this.stepsPerEpoch = (terms + options.batchSize() - 1) / options.batchSize();
            this.recordEvery = options.recordEvery() == 0 ? stepsPerEpoch : options.recordEvery();
            this.maxSteps = options.stopping().maxIterations();
            this.random = new SplittableRandom(options.seed());
            this.permutation = new int[terms];
            this.point = start;
            this.velocity = manifold.zeroTangent(start);
            this.stepLength = Double.NaN;
            evaluate();
        }

        @Override
        public P point() {
            return point;
        }

        @Override
        public double cost() {
            return cost;
        }

        @Override
        public double gradientNorm() {
            return gradientNorm;
        }

        @Override
        public Map<String, Object> initialStatistics() {
            return statistics();
        }

        @Override
        public Step step() {
            int inner = Math.min(recordEvery, maxSteps - steps);
            double displacement = 0;
            for (int k = 0; k < inner; k++) {
                displacement = innerStep();
            }
            evaluate();
            return new Step(displacement, statistics());
        }

        /** One step on the next batch; returns the norm of the displacement. */
        private double innerStep() {
            int epoch = steps / stepsPerEpoch;
            int inEpoch = steps % stepsPerEpoch;
            stepLength = options.stepSize() * Math.pow(options.decay(), epoch);
            T g = objective.batchGradient(point, batch(inEpoch));
            if (options.momentum() == Momentum.NONE) {
                P next = manifold.retract(point, g, -stepLength);
                double norm = stepLength * manifold.norm(point, g);
                point = next;
                steps++;
                return norm;
            }
            double beta = options.beta();
            velocity = manifold.lincomb(point, beta, velocity, -stepLength, g);
            T direction = options.momentum() == Momentum.HEAVY_BALL ? velocity
                    : manifold.lincomb(point, beta, velocity, -stepLength, g);
            P next = manifold.retract(point, direction, 1);
            double norm = manifold.norm(point, direction);
            velocity = manifold.transport(point, next, velocity);
            point = next;
            steps++;
            return norm;
        }

        /** The indices of the batch at position {@code inEpoch} of the current epoch. */
        private int[] batch(int inEpoch) {
            int size = options.batchSize();
            if (options.sampling() == Sampling.WITH_REPLACEMENT) {
                int[] b = new int[size];
                for (int k = 0; k < size; k++) {
                    b[k] = random.nextInt(terms);
                }
                return b;
            }
            if (inEpoch == 0) {
                shuffle();
            }
            int from = inEpoch * size;
            int[] b = new int[Math.min(size, terms - from)];
            System.arraycopy(permutation, from, b, 0, b.length);
            return b;
        }

        /** A fresh uniform permutation of the terms (Fisher and Yates; Knuth, TAOCP vol. 2, 3.4.2, Algorithm P). */
        private void shuffle() {
            for (int i = 0; i < terms; i++) {
                permutation[i] = i;
            }
            for (int i = terms - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = t;
            }
        }

        /** The full cost and gradient norm at the current point: one pass over all terms each. */
        private void evaluate() {
            cost = objective.cost(point);
            gradientNorm = manifold.norm(point, objective.gradient(point));
        }

        private Map<String, Object> statistics() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("epoch", steps / stepsPerEpoch);
            s.put("stepLength", stepLength);
            return s;
        }
    }
}
