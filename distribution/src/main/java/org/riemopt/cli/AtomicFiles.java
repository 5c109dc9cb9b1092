package org.riemopt.cli;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Output files that appear whole or not at all, and output directories checked before any work is done. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What goes into a file written by {@link #write}. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes beside the target and moves into place, so that the file appears whole or not at all. */
    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // named by hand rather than by createTempFile, so that the file gets the usual permissions, not 0600
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(stream);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code image} as a PNG file, whole or not at all. */
    static void writePng(Path target, BufferedImage image) throws IOException {
        write(target, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    /**
     * Creates the output directory and checks that files can be created in it, so that a bad {@code --out} is a
     * usage error before any work is done.
     */
    static void prepareDirectory(Path dir, CommandLine commandLine) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".riemopt", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ParameterException(commandLine, "--out " + dir + ": cannot write there (" + e
                    + "); give a directory that can be created and written");
        }
    }
}
