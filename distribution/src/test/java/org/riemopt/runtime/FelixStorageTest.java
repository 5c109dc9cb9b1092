package org.riemopt.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FelixStorageTest {

    @TempDir
    Path temp;

    /** The pid of a process that has ended: a child JVM started and waited for. */
    private static long deadPid() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        child.waitFor();
        return child.pid();
    }

    private Path folder(String name) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name).resolve("bundle1"));
        Files.writeString(folder.resolve("bundle.info"), "cache");
        return temp.resolve(name);
    }

    @Test
    void foldersOfDeadProcessesAreRemovedAndThoseOfLiveOnesOrOtherNamesAreKept() throws Exception {
        long dead = deadPid();
        assertFalse(ProcessHandle.of(dead).map(ProcessHandle::isAlive).orElse(false));
        Path stale = folder(FelixStorage.PREFIX + dead + "-123");
        Path mine = folder(FelixStorage.PREFIX + ProcessHandle.current().pid() + "-456");
        Path parent = folder(FelixStorage.PREFIX + ProcessHandle.current().parent().orElseThrow().pid() + "-789");
        Path older = folder("riemopt-felix8812345");
        Path notAPid = folder(FelixStorage.PREFIX + "x1-2");
        Path file = Files.writeString(temp.resolve(FelixStorage.PREFIX + dead + "-file"), "not a folder");

        assertEquals(List.of(stale), FelixStorage.removeStale(temp));
        assertFalse(Files.exists(stale));
        for (Path kept : List.of(mine, parent, older, notAPid, file)) {
            assertTrue(Files.exists(kept), kept + " is kept");
        }
    }

    /**
     * The lock file decides where there is one: a folder whose pid looks dead but whose lock another process holds
     * (a process whose pid this one cannot see, in another PID namespace) is kept, and removed once that process
     * is gone; one whose pid is alive but whose lock nobody holds (the pid was reused) is removed.
     */
    @Test
    void theLockFileDecidesOverThePid() throws Exception {
        Path hidden = folder(FelixStorage.PREFIX + deadPid() + "-1");
        Path reused = folder(FelixStorage.PREFIX + ProcessHandle.current().pid() + "-2");
        Files.writeString(reused.resolve(FelixStorage.LOCK), "");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                hidden.resolve(FelixStorage.LOCK).toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertEquals("locked", out.readLine());
            assertEquals(List.of(reused), FelixStorage.removeStale(temp));
            assertTrue(Files.exists(hidden));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertEquals(List.of(hidden), FelixStorage.removeStale(temp), "once its process is gone");
    }

    /** Holds an exclusive lock on the file named by its argument until it is killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    void aRuntimesStorageIsNamedWithItsPidAndDeletedOnClose() {
        String mine = FelixStorage.PREFIX + ProcessHandle.current().pid() + "-";
        List<Path> before = storageFolders(mine);
        PluginRuntime runtime = PluginRuntime.start(List.of(temp));
        List<Path> during = storageFolders(mine);
        assertEquals(before.size() + 1, during.size(), "one folder of this process while it runs: " + during);
        runtime.close();
        runtime.close();
        assertEquals(before, storageFolders(mine));
    }

    private static List<Path> storageFolders(String prefix) {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
