package org.riemopt.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial write. Symbolic
 * links are followed (the link's target is replaced, the link kept) and the new file has the usual permissions
 * (the user's umask). Public so that every output of the command line goes through this one mechanism.
 */
public final class AtomicFiles {

    /** What goes into the file; the stream is closed by {@link #write}. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to a temporary file next to {@code target} and moves it over {@code target}; on any
     * failure the temporary file is deleted and {@code target} is left as it was.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path target, Content content) {
        Path absolute;
        try {
            absolute = followLinks(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // a device or a pipe: written in place, never replaced
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(absolute), 1 << 16)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
            return;
        }
        // same directory, so the move is a rename; created by hand (not createTempFile) to get the usual permissions
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean moved = false;
        try {
            // an output in a folder that does not exist yet (checked writable before the work) creates it now
            Files.createDirectories(absolute.getParent());
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            move(temp, absolute);
            moved = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * The file at the end of {@code path}'s chain of symbolic links (which may not exist yet), so that a link is
     * written through, not replaced; at most 40 links are followed, the kernel's own limit.
     *
     * @throws IOException if the links form a loop or cannot be read
     */
    public static Path followLinks(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == 40) {
                throw new IOException("too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; that failure is the one to report
        }
    }
}
