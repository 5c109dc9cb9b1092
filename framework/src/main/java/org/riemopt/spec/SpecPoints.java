package org.riemopt.spec;

import java.nio.file.Path;
import java.util.Map;

/**
 * Further points of a resolved instance, read the way the spec's {@code init} reads them, for tools that look at
 * more than the start (a landscape slice from one point towards another). Errors are {@link SpecException}s of the
 * {@code init} keys, whose messages say what was wrong.
 */
public final class SpecPoints {

    private SpecPoints() {
    }

    /**
     * The point {@code init: {type: truth}} starts from: the balanced factorization of the truth, padded with zero
     * columns to the search rank.
     *
     * @throws SpecException if the instance has no truth or its point cannot represent it
     */
    public static <P, T> P truth(Instance<P, T> instance) {
        return InitSpec.read(instance.space(), instance.problem().operator(), instance.truth(),
                Map.of("type", "truth"), instance.seed(), Path.of(""));
    }

    /**
     * The point {@code init: {file: FILE}} reads: a {@code .npy}/{@code .mtx} matrix or a {@code .npz} point archive
     * as {@code run --save-point} writes it.
     *
     * @throws SpecException if the file cannot be read or holds no point of the instance's manifold
     */
    public static <P, T> P file(Instance<P, T> instance, Path file) {
        return InitSpec.read(instance.space(), instance.problem().operator(), instance.truth(),
                Map.of("file", file.toAbsolutePath().toString()), instance.seed(), Path.of(""));
    }
}
