package org.riemopt.spi;

/** The value types a plugin parameter can take in a problem spec. */
public enum ParameterType {
    /** A whole number. */
    INTEGER("integer"),
    /** A finite real number. */
    NUMBER("number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** A string. */
    STRING("string"),
    /** A matrix written as a list of rows, or {@code {file: path}} (a .npy or MatrixMarket file). */
    MATRIX("matrix (list of rows, or {file: path})"),
    /** A list of matrices, each a list of rows. */
    MATRIX_LIST("list of matrices"),
    /** A file path; a relative path is resolved against the spec's folder. */
    FILE("file path (relative to the spec's folder)");

    private final String description;

    ParameterType(String description) {
        this.description = description;
    }

    /** How the type is named in error messages and docs. */
    public String description() {
        return description;
    }
}
