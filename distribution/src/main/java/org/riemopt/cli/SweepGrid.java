package org.riemopt.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grid of a sweep: the values of each {@code --param KEY=VALUES}, and their combinations in order, the first
 * key varying slowest. {@code VALUES} is an integer range {@code a..b} (both ends included) or a comma list of
 * numbers or words ({@code 0,0.5,5}, {@code trust-regions,gradient-descent}, {@code true,false}).
 *
 * @param params the swept keys with their values, in the order given
 */
record SweepGrid(List<Param> params) {

    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /**
     * One swept key.
     *
     * @param key    the dotted spec key, e.g. {@code manifold.cols} or {@code loss.1.weight}
     * @param labels the values as written on the command line (and in the CSV)
     * @param values the values as put into the spec: {@code Integer}, {@code Long}, {@code Double},
     *               {@code Boolean} or {@code String}
     */
    record Param(String key, List<String> labels, List<Object> values) {
    }

    /**
     * Parses the {@code --param} arguments.
     *
     * @throws IllegalArgumentException naming the argument and what is wrong with it
     */
    static SweepGrid parse(List<String> arguments) {
        List<Param> params = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param " + argument + ": expected KEY=VALUES, e.g. "
                        + "manifold.cols=1..6 or loss.1.weight=0,0.5,5");
            }
            String key = argument.substring(0, eq).trim();
            if (!keys.add(key)) {
                throw new IllegalArgumentException("--param " + argument + ": " + key + " is swept twice");
            }
            if (key.equals("seed")) {
                throw new IllegalArgumentException("--param " + argument + ": the seed is set per trial (the spec's "
                        + "seed + the trial index); use --trials");
            }
            params.add(values(argument, key, argument.substring(eq + 1).trim()));
        }
        return new SweepGrid(List.copyOf(params));
    }

    private static Param values(String argument, String key, String text) {
        List<String> labels = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            long from;
            long to;
            try {
                from = Long.parseLong(range.group(1));
                to = Long.parseLong(range.group(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--param " + argument + ": range ends out of range");
            }
            if (from > to || to - from >= 100_000) {
                throw new IllegalArgumentException("--param " + argument + ": a range a..b needs a <= b (and fewer "
                        + "than 100000 values)");
            }
            for (long v = from; v <= to; v++) {
                labels.add(Long.toString(v));
                values.add(integer(v));
            }
            return new Param(key, labels, values);
        }
        if (text.contains("..")) {
            throw new IllegalArgumentException("--param " + argument + ": '" + text + "' is not a range of integers "
                    + "a..b, e.g. 1..6");
        }
        Set<String> seen = new HashSet<>();
        for (String token : text.split(",", -1)) {
            String label = token.trim();
            if (label.isEmpty()) {
                throw new IllegalArgumentException("--param " + argument + ": empty value in '" + text + "'");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("--param " + argument + ": " + label + " is given twice");
            }
            labels.add(label);
            values.add(value(label));
        }
        return new Param(key, labels, values);
    }

    /** A word of a comma list as YAML would read it: an integer, a number, a boolean, or else a string. */
    private static Object value(String label) {
        if (INTEGER.matcher(label).matches()) {
            try {
                return integer(Long.parseLong(label));
            } catch (NumberFormatException e) {
                return label;
            }
        }
        if (NUMBER.matcher(label).matches()) {
            return Double.parseDouble(label);
        }
        if (label.equals("true") || label.equals("false")) {
            return Boolean.parseBoolean(label);
        }
        return label;
    }

    /** An {@code Integer} when it fits, as YAML reads small integers, else a {@code Long}. */
    private static Object integer(long v) {
        return v == (int) v ? (Object) (int) v : (Object) v;
    }

    /** The swept keys. */
    List<String> keys() {
        return params.stream().map(Param::key).toList();
    }

    /** The number of grid points. */
    int size() {
        int n = 1;
        for (Param p : params) {
            n *= p.values().size();
        }
        return n;
    }

    /** The index of each key's value at grid point {@code point}, the first key varying slowest. */
    int[] coordinates(int point) {
        int[] out = new int[params.size()];
        int rest = point;
        for (int k = params.size() - 1; k >= 0; k--) {
            int n = params.get(k).values().size();
            out[k] = rest % n;
            rest /= n;
        }
        return out;
    }

    /** The values' labels at grid point {@code point}, in the order of the keys. */
    List<String> labels(int point) {
        int[] c = coordinates(point);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            out.add(params.get(k).labels().get(c[k]));
        }
        return out;
    }

    /**
     * The spec at grid point {@code point}.
     *
     * @throws IllegalArgumentException if a key does not lead to a mapping or list entry of the spec
     */
    SpecDocument apply(SpecDocument spec, int point) {
        int[] c = coordinates(point);
        SpecDocument out = spec;
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            try {
                out = out.with(p.key(), p.values().get(c[k]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--param " + p.key() + ": " + e.getMessage());
            }
        }
        return out;
    }
}
