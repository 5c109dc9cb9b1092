package org.riemopt.spec;

import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Independent, reproducible random streams derived from a spec's seed, one per purpose, so that changing how the
 * initial point is drawn does not change the operator or the truth.
 */
public enum RandomStreams {
    /** The ground truth {@code M*}. */
    TRUTH,
    /** A generated measurement operator. */
    OPERATOR,
    /** Measurement noise. */
    NOISE,
    /** The initial point. */
    INIT,
    /** Random directions of diagnostics. */
    DIAGNOSTICS;

    /** The generator of this stream for {@code seed}. */
    public RandomGenerator forSeed(long seed) {
        // SplitMix64's finalizer decorrelates nearby seeds and streams before java.util.Random's 48-bit LCG.
        long z = seed + 0x9E3779B97F4A7C15L * (ordinal() + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
