package org.riemopt.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * every such folder whose process is no longer alive, and never one of a live process. Alive means holding the
 * folder's lock file: a process keeps an exclusive lock on {@code owner.lock} for the folder's life, which the
 * system releases when the process dies, and which other processes see even where they cannot see its pid
 * (another PID namespace sharing the temporary directory). The pid decides only for a folder without a lock file.
 */
final class FelixStorage {

    /** The start of every storage folder's name. */
    static final String PREFIX = "riemopt-felix-";

    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    /** The file whose lock marks the folder's process as alive. */
    static final String LOCK = "owner.lock";

    private final Path folder;
    private final FileChannel lock;

    private FelixStorage(Path folder, FileChannel lock) {
        this.folder = folder;
        this.lock = lock;
    }

    /** Removes the stale folders left by dead processes, then creates this process's own. */
    static FelixStorage create() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(temp);
        Path folder = null;
        try {
            folder = Files.createTempDirectory(temp, PREFIX + ProcessHandle.current().pid() + "-");
            FileChannel lock = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock.lock();
            return new FelixStorage(folder, lock);
        } catch (IOException e) {
            if (folder != null) {
                delete(folder);
            }
            throw new IllegalStateException("cannot create the embedded OSGi framework's storage in " + temp + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Deletes the storage folders in {@code temp} whose process is no longer alive: whose lock file nobody holds, or,
     * for a folder without one, whose pid is not a live process (folders not named by {@link #create()} are left
     * alone).
     *
     * @return the folders removed
     */
    static List<Path> removeStale(Path temp) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path folder : folders) {
                Matcher m = NAME.matcher(folder.getFileName().toString());
                if (m.matches() && Files.isDirectory(folder) && !alive(folder, m.group(1))) {
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

    private static boolean alive(Path folder, String pid) {
        Path lockFile = folder.resolve(LOCK);
        if (Files.exists(lockFile)) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock held = channel.tryLock();
                if (held == null) {
                    return true;
                }
                held.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;  // held by this very process
            } catch (IOException e) {
                return true;  // not ours to judge
            }
        }
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
        try {
            lock.close();
        } catch (IOException e) {
            // The lock goes with the process anyway.
        }
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
