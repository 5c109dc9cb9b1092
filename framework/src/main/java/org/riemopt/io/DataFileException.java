package org.riemopt.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A bad, missing, truncated or mis-sized data file. The message always names the file and says what was expected.
 */
public final class DataFileException extends IllegalArgumentException {

    private final transient Path file; // Path is not serializable
    private final String detail;

    /**
     * @param file   the file at fault
     * @param detail what was wrong and what was expected
     */
    public DataFileException(Path file, String detail) {
        super(file + ": " + detail);
        this.file = file;
        this.detail = detail;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The message without the file name, for rewording (an archive prefixes the entry name). */
    String detail() {
        return detail;
    }

    /** The exception for an I/O failure while reading {@code file}: "no such file" when it does not exist. */
    static DataFileException cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException || Files.notExists(file)) {
            return new DataFileException(file, "no such file");
        }
        return new DataFileException(file, "cannot read the file (" + e + ")");
    }
}
