package org.riemopt.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder where an embedded Felix keeps its bundle cache: {@code riemopt-felix-<pid>-<random>} in the temporary
 * directory ({@code java.io.tmpdir}). The pid in the name is what lets a later process recognise the folder of one
 * that was killed before it could delete its own ({@code kill -9}, a power cut): {@link #create()} first removes
 * every such folder whose process is no longer alive, and never one of a live process.
 */
final class FelixStorage {

    /** The start of every storage folder's name. */
    static final String PREFIX = "riemopt-felix-";

    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    private final Path folder;

    private FelixStorage(Path folder) {
        this.folder = folder;
    }

    /** Removes the stale folders left by dead processes, then creates this process's own. */
    static FelixStorage create() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(temp);
        try {
            return new FelixStorage(Files.createTempDirectory(temp, PREFIX + ProcessHandle.current().pid() + "-"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the embedded OSGi framework's storage in " + temp + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Deletes the storage folders in {@code temp} whose process is no longer alive (a process that cannot be seen,
     * e.g. one of another user, counts as alive and is left alone, as are folders not named by {@link #create()}).
     *
     * @return the folders removed
     */
    static List<Path> removeStale(Path temp) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path folder : folders) {
                Matcher m = NAME.matcher(folder.getFileName().toString());
                if (m.matches() && Files.isDirectory(folder) && !alive(m.group(1))) {
                    delete(folder);
                    if (!Files.exists(folder)) {
                        removed.add(folder);
                    }
                }
            }
        } catch (IOException e) {
            // An unreadable temporary directory: nothing can be cleaned, and creating our own folder will say why.
        }
        return removed;
    }

    private static boolean alive(String pid) {
        try {
            long id = Long.parseLong(pid);
            return ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The folder to give Felix. */
    Path folder() {
        return folder;
    }

    /** Deletes the folder and everything in it, as far as it can (a leftover is removed by a later start). */
    void delete() {
        delete(folder);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // Already gone, or not ours to delete; see removeStale for what is tried again later.
        }
    }
}
