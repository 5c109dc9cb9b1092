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

/** Output files that appear whole or not at all, and output directories checked before any work is done. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What goes into a file written by {@link #write}. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes beside the target and moves into place, so that the file appears whole or not at all. A symbolic link
     * is followed: the file at the end of its chain is replaced, the link kept. The new file is created with the
     * usual permissions (the user's umask), not the 0600 of {@link Files#createTempFile}. A target that exists and
     * is not a regular file (a device, a pipe) is written in place instead.
     */
    static void write(Path target, Content content) throws IOException {
        Path absolute = OutputFiles.followLinks(target);
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(absolute), 1 << 16)) {
                content.writeTo(stream);
            }
            return;
        }
        // named by hand rather than by createTempFile, so that the file gets the usual permissions, not 0600
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        // the --out folder is created with its first file, so that a command failing before it leaves no folder
        Files.createDirectories(absolute.getParent());
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
     * Checks that the output directory {@code --out} exists or can be created, that files can be created in it and
     * that none of {@code names} is the spec file, so that a bad {@code --out} is a usage error before any work is
     * done. A missing directory is created by {@link #write}, with the first file.
     */
    static void prepareDirectory(Path dir, CommandLine commandLine, Path spec, String... names) {
        OutputFiles.prepareDirectory(commandLine, "--out", dir, spec, names);
    }
}
