package org.riemopt.cli;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a trial counts as a success: the spec's {@code success:} rule {@code FIELD OP NUMBER} (e.g.
 * {@code relativeError < 1e-3}), or by default {@code relativeError < 1e-6} when the spec has a truth and otherwise
 * a stop on a convergence criterion ({@code gradientTolerance} or {@code costTolerance}). A comparison with an
 * undefined value ({@code NaN}, e.g. {@code relativeError} without a truth) is false.
 */
abstract sealed class SuccessRule {

    /** The fields a rule may compare. */
    static final List<String> FIELDS = List.of("relativeError", "cost", "gradientNorm", "iterations", "timeSeconds",
            "heldOutRelativeRms");

    /** The stop criteria the default rule without a truth counts as convergence. */
    static final Set<String> CONVERGED = Set.of("gradientTolerance", "costTolerance");

    private static final Pattern RULE = Pattern.compile("\\s*([A-Za-z]+)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");

    /** Whether {@code trial} succeeded. */
    abstract boolean test(TrialOutcome trial);

    /** The rule as written in a spec. */
    abstract String text();

    /**
     * The rule of a spec: its {@code success:} value parsed, or the default.
     *
     * @param value    the spec's {@code success:} value, or {@code null}
     * @param hasTruth whether the spec gives the truth
     * @throws IllegalArgumentException if the value is not a rule, with what is allowed
     */
    static SuccessRule of(Object value, boolean hasTruth) {
        if (value == null) {
            return hasTruth ? new Comparison("relativeError", "<", 1e-6) : new Converged();
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("expected a rule such as \"relativeError < 1e-3\", got " + value);
        }
        return parse(text);
    }

    /** Parses {@code FIELD OP NUMBER}. */
    static SuccessRule parse(String text) {
        Matcher m = RULE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rule FIELD OP NUMBER, e.g. \"relativeError "
                    + "< 1e-3\"; OP is one of <, <=, >, >=");
        }
        String field = m.group(1);
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("'" + field + "' in '" + text + "' is not a result field; allowed: "
                    + String.join(", ", FIELDS));
        }
        double threshold;
        try {
            threshold = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            threshold = Double.NaN;
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("'" + m.group(3) + "' in '" + text + "' is not a finite number");
        }
        return new Comparison(field, m.group(2), threshold);
    }

    /** A comparison of one result field with a number. */
    static final class Comparison extends SuccessRule {
        private final String field;
        private final String op;
        private final double threshold;

        Comparison(String field, String op, double threshold) {
            this.field = field;
            this.op = op;
            this.threshold = threshold;
        }

        @Override
        boolean test(TrialOutcome trial) {
            double v = switch (field) {
                case "relativeError" -> trial.relativeError();
                case "cost" -> trial.cost();
                case "gradientNorm" -> trial.gradientNorm();
                case "iterations" -> trial.iterations();
                case "timeSeconds" -> trial.timeSeconds();
                case "heldOutRelativeRms" -> trial.heldOutRelativeRms();
                default -> throw new IllegalStateException(field);
            };
            return switch (op) {
                case "<" -> v < threshold;
                case "<=" -> v <= threshold;
                case ">" -> v > threshold;
                case ">=" -> v >= threshold;
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        String text() {
            return field + " " + op + " " + threshold;
        }
    }

    /** The default without a truth: the run stopped on a convergence criterion. */
    static final class Converged extends SuccessRule {
        @Override
        boolean test(TrialOutcome trial) {
            return CONVERGED.contains(trial.stopReason());
        }

        @Override
        String text() {
            return "stopReason in " + String.join(", ", CONVERGED.stream().sorted().toList());
        }
    }
}
