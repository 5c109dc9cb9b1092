package org.riemopt.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import picocli.CommandLine;

/** Output files that appear whole or not at all, and output directories checked before any work is done. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} whole or not at all, through symbolic links, with the user's umask, creating a missing
     * {@code --out} folder with its first file (so that a command failing before leaves no folder): see
     * {@link org.riemopt.io.AtomicFiles#write}.
     */
    static void write(Path target, org.riemopt.io.AtomicFiles.Content content) throws IOException {
        try {
            org.riemopt.io.AtomicFiles.write(target, content);
        } catch (UncheckedIOException e) {
            throw e.getCause();
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
