package org.riemopt.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The checks every output file or folder passes before any work is done: the path (through its symbolic links)
 * can be written, is not a directory where a file is expected, and is not the spec file. A failed check is a usage
 * error that names the option and the path.
 */
final class OutputFiles {

    /** The file name that means standard output. */
    static final String STDOUT = "-";

    private OutputFiles() {
    }

    /** Whether {@code path} is {@code -}, standard output. */
    static boolean isStdout(Path path) {
        return path != null && path.toString().equals(STDOUT);
    }

    /**
     * The file that writing {@code path} writes: {@code path} itself, or, for a symbolic link, the file at the end
     * of its chain of links (which may not exist yet), so that output goes through links rather than replacing them.
     *
     * @throws IOException if the links form a loop or cannot be read
     */
    static Path followLinks(Path path) throws IOException {
        return org.riemopt.io.AtomicFiles.followLinks(path);
    }

    /**
     * Checks the output file {@code file} of {@code option}: it can be created or written, it is not a directory,
     * and it is not the spec file {@code spec} (nor a link to it, nor a hard link of it). Missing parent
     * directories are allowed (they are created when the file is written) but nothing is created here.
     *
     * @param spec the spec file the command reads, {@code null} when it has none
     * @return the file that will be written, symbolic links followed
     * @throws ParameterException if the file cannot be written there
     */
    static Path checkFile(CommandLine commandLine, String option, Path file, Path spec) {
        Path target;
        try {
            target = followLinks(file);
        } catch (IOException | SecurityException e) {
            throw cannotWrite(commandLine, option, file, reason(e));
        }
        if (Files.isDirectory(target)) {
            throw new ParameterException(commandLine, option + " " + file + ": is a directory; give a file name");
        }
        protectSpec(commandLine, option, file, target, spec);
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw cannotWrite(commandLine, option, file, "the file is not writable");
        }
        checkWritableAncestor(commandLine, option, file, target.getParent());
        return target;
    }

    /**
     * Checks that the output directory {@code dir} of {@code option} exists or can be created, that files can be
     * created in it and that none of the files the command writes there, {@code names}, is the spec file. A missing
     * directory is not created here but with its first file, so that a command that fails before writing leaves
     * nothing behind.
     *
     * @throws ParameterException if the directory cannot be created or written, or would overwrite the spec
     */
    static void prepareDirectory(CommandLine commandLine, String option, Path dir, Path spec, String... names) {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            checkWritableAncestor(commandLine, option, dir, absolute);
            return;
        }
        probe(commandLine, option, dir, absolute);
        for (String name : names) {
            Path file = absolute.resolve(name);
            Path target;
            try {
                target = followLinks(file);
            } catch (IOException e) {
                throw cannotWrite(commandLine, option, file, reason(e));
            }
            if (Files.isDirectory(target)) {
                throw new ParameterException(commandLine, option + " " + dir + ": " + file + " is a directory; "
                        + "give another --out or remove it");
            }
            protectSpec(commandLine, option, file, target, spec);
        }
    }

    private static void protectSpec(CommandLine commandLine, String option, Path file, Path target, Path spec) {
        if (spec == null || !Files.exists(target) || !Files.exists(spec)) {
            return;
        }
        boolean same;
        try {
            same = Files.isSameFile(target, spec);
        } catch (IOException | SecurityException e) {
            same = false;
        }
        if (same) {
            throw new ParameterException(commandLine, option + " " + file + ": that is the spec file " + spec
                    + "; riemopt never overwrites its input: give another file name");
        }
    }

    /** Checks that a file can be created in {@code dir}, or in its nearest existing ancestor when it is missing. */
    private static void checkWritableAncestor(CommandLine commandLine, String option, Path file, Path dir) {
        Path ancestor = nearestExisting(dir);
        if (ancestor == null) {
            throw cannotWrite(commandLine, option, file, "no existing parent directory");
        }
        if (!Files.isDirectory(ancestor)) {
            throw cannotWrite(commandLine, option, file, ancestor + " is a file, not a directory");
        }
        probe(commandLine, option, file, ancestor);
    }

    /** Creates and deletes a file in {@code dir}, named by hand so that nothing is left behind on success. */
    private static void probe(CommandLine commandLine, String option, Path shown, Path dir) {
        Path probe = dir.resolve(".riemopt-probe-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (OutputStream ignored = Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                // created only to see that it can be
            }
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw cannotWrite(commandLine, option, shown, "cannot create files in " + dir + " (" + reason(e) + ")");
        }
    }

    private static Path nearestExisting(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            p = p.getParent();
        }
        return p;
    }

    private static ParameterException cannotWrite(CommandLine commandLine, String option, Path path, String reason) {
        return new ParameterException(commandLine, option + " " + path + ": cannot write there: " + reason);
    }

    /** An exception's message without Java class names. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException n) {
            return n.getFile() + " is not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "an I/O error" : e.getMessage();
    }
}
