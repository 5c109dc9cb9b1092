package org.riemopt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.riemopt.spec.Instance;
import org.riemopt.spec.SpecLoader;
import org.riemopt.spi.PluginRegistry;

/**
 * The instances the benchmarks measure, each read from a spec on the class path through the plugins found there,
 * exactly as {@code riemopt run} reads it: the shipped examples are copied into the jar unchanged.
 */
public enum Workload {

    /** {@code examples/gaussian-sensing.yaml}: n = 100, m = 420, true rank 2, search rank 3, lift XXᵀ. */
    DEMO("demo", "gaussian-sensing.yaml", 3),
    /** The demo at search rank 2 (its spec with {@code cols: 2}; the example's stopping rules). */
    DEMO_R2("demo-r2", "gaussian-sensing.yaml", 2),
    /** 40 x 30, rank 2, m = 600, fixed-rank manifold. */
    FIXED_RANK("fixed-rank", "fixed-rank-40x30.yaml", 2),
    /** The same data in the factor space U x V with the lift UVᵀ. */
    FACTORS("factors", "factors-40x30.yaml", 2),
    /** {@code examples/completion.yaml}: 1000 x 1000, rank 5, 5% observed. */
    COMPLETION("completion", "completion.yaml", 5);

    private final String id;
    private final String resource;
    private final int rank;

    Workload(String id, String resource, int rank) {
        this.id = id;
        this.resource = resource;
        this.rank = rank;
    }

    /** The name the benchmarks' {@code @Param} and the roofline table use. */
    public String id() {
        return id;
    }

    /** The search rank {@code r}: the columns of each Jacobian block. */
    public int rank() {
        return rank;
    }

    /** The workload named {@code id}. */
    public static Workload of(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no workload '" + id + "'");
    }

    /** The spec's text: the shipped file, with the search rank set for {@link #DEMO_R2}. */
    public String specText() {
        String text;
        try (InputStream in = Workload.class.getResourceAsStream("/specs/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("spec /specs/" + resource + " is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (this == DEMO_R2) {
            String r3 = "manifold: {type: euclidean, rows: 100, cols: 3}";
            if (!text.contains(r3)) {
                throw new IllegalStateException("the demo spec no longer has the line '" + r3 + "'");
            }
            text = text.replace(r3, "manifold: {type: euclidean, rows: 100, cols: 2}");
        }
        return text;
    }

    /** A fresh instance (problem, start, solver) resolved through the class path's plugins. */
    public Instance<?, ?> load() {
        return new SpecLoader(PluginRegistry.fromClassPath()).parse(specText());
    }
}
