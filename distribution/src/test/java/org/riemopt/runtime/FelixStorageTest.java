package org.riemopt.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
