package org.riemopt.problem;

/**
 * A measurement operator that observes single entries, {@code A(M)ᵢ = M[rowᵢ, colᵢ]} (matrix completion), so that a
 * recovered matrix can also be judged on entries it was not given (held-out error).
 */
public interface ObservedEntries {

    /** The row of measurement {@code i} (0-based). */
    int row(int i);

    /** The column of measurement {@code i} (0-based). */
    int col(int i);

    /** Whether entry {@code (row, col)} is observed. */
    boolean isObserved(int row, int col);
}
