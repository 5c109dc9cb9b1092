package org.riemopt.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.framework.FrameworkFactory;
import org.hipparchus.linear.RealMatrix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.riemopt.manifolds.Euclidean;
import org.riemopt.spi.PluginProblem;
import org.riemopt.spi.PluginRegistry;
import org.riemopt.spi.Provider;
import org.riemopt.spi.ServiceLoaderSource;

/**
 * Riemopt's plugins at run time: an embedded Apache Felix framework holding the plugin bundles of some
 * directories, and a {@link #registry()} that sees their providers next to the class path's.
 *
 * <p>The host exports its {@code framework}, {@code manifolds} and Hipparchus packages into Felix with their
 * versions ({@link HostPackages}) and never installs them as bundles, so host and plugins share those classes.
 * Every {@code *.jar} in the directories is installed, then all are started (so a plugin may import from
 * another); one that is not a valid bundle, does not resolve or whose provider cannot be instantiated is reported
 * in {@link #registry()}'s problems and skipped, and everything else goes on. Bundles take precedence by the order
 * of their directories, then by file name. With {@code watch}, a background thread polls the directories: a new jar is installed,
 * a changed one updated, a removed one uninstalled, and the registry reflects it at the next call.
 *
 * <p>Felix keeps its bundle cache in a folder of the temporary directory ({@link FelixStorage}), deleted by
 * {@link #close()} and, should the JVM end first (an exit, a signal), by a shutdown hook; a folder left by a killed
 * process is removed when a later runtime starts.
 *
 * <p>A toolchain starts one runtime, keeps it, and {@link #close()}s it at the end. Thread-safe.
 */
public final class PluginRuntime implements AutoCloseable {

    /** How often a watching runtime looks at its directories. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    private final List<Path> directories;
    private final Framework felix;
    private final FelixStorage storage;
    private final Thread deleteAtExit;
    private final BundleProviderExtender extender;
    private final ServiceLoaderSource classPath = new ServiceLoaderSource(PluginRuntime.class.getClassLoader());
    private final Map<Path, Installed> installed = new HashMap<>();
    private final Map<Path, Failed> failed = new LinkedHashMap<>();
    private final Thread watcher;
    private volatile boolean closed;

    /** What was last seen of one jar, installed. */
    private record Installed(long modified, long size, Bundle bundle) {
    }

    /** What was last seen of one jar that could not be installed; it is retried only once it changes. */
    private record Failed(long modified, long size, PluginProblem problem) {
    }

    private PluginRuntime(List<Path> directories, Duration pollInterval, boolean watch) {
        this.directories = directories.stream().map(d -> d.toAbsolutePath().normalize()).toList();
        storage = FelixStorage.create();
        // Every way out of the JVM (an exit, a signal, an uncaught error) removes the storage; close() does it
        // earlier and withdraws the hook.
        deleteAtExit = new Thread(this::deleteStorageAtExit, "riemopt-felix-storage-cleanup");
        Runtime.getRuntime().addShutdownHook(deleteAtExit);
        Framework framework = null;
        try {
            Map<String, String> config = new HashMap<>();
            config.put(Constants.FRAMEWORK_STORAGE, storage.folder().toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostPackages.exportsOf(
                    List.of(Provider.class, Euclidean.class, RealMatrix.class)));
            // Felix logs to stdout; problems are reported through the registry instead.
            config.put("felix.log.level", "0");
            framework = new FrameworkFactory().newFramework(config);
            framework.init();
            framework.start();
            felix = framework;
            extender = new BundleProviderExtender(felix.getBundleContext(), precedence(), this::installProblems);
            extender.open();
            scan();
        } catch (BundleException | RuntimeException e) {
            stop(framework);
            withdrawHook();
            storage.delete();
            throw new IllegalStateException("cannot start the embedded OSGi framework: " + e.getMessage(), e);
        }
        if (watch) {
            watcher = new Thread(() -> poll(pollInterval), "riemopt-plugin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        } else {
            watcher = null;
        }
    }

    /** Bundles by the position of their jar's directory in {@link #directories}, then by file name. */
    private Comparator<Bundle> precedence() {
        return Comparator.comparing((Bundle b) -> {
            Path jar = Path.of(URI.create(b.getLocation()));
            int index = directories.indexOf(jar.getParent());
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(b -> Path.of(URI.create(b.getLocation())).getFileName().toString());
    }

    /** A runtime with the bundles now in {@code directories} (missing directories are empty), not watching. */
    public static PluginRuntime start(List<Path> directories) {
        return new PluginRuntime(directories, DEFAULT_POLL_INTERVAL, false);
    }

    /** A runtime that keeps {@code directories} under watch, looking every {@code pollInterval}. */
    public static PluginRuntime watching(List<Path> directories, Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, got " + pollInterval);
        }
        return new PluginRuntime(directories, pollInterval, true);
    }

    /** The directories this runtime installs bundles from. */
    public List<Path> directories() {
        return directories;
    }

    /**
     * The providers available now: the class path's first, then the bundles' (see {@link PluginRegistry} for how
     * names are resolved), with every plugin that was skipped and why.
     */
    public PluginRegistry registry() {
        return new PluginRegistry(List.of(classPath, extender));
    }

    /** The jars that could not be installed or started, as last scanned. */
    private synchronized List<PluginProblem> installProblems() {
        return failed.values().stream().map(Failed::problem).toList();
    }

    /** Installs, updates and uninstalls bundles to match the directories now. */
    public synchronized void scan() {
        Map<Path, Long[]> seen = new LinkedHashMap<>();
        for (Path dir : directories) {
            for (Path jar : jars(dir)) {
                try {
                    seen.put(jar, new Long[] {Files.getLastModifiedTime(jar).toMillis(), Files.size(jar)});
                } catch (IOException e) {
                    // Vanished between listing and reading: it is handled as removed.
                }
            }
        }
        boolean refresh = false;
        for (Path gone : new ArrayList<>(installed.keySet())) {
            if (!seen.containsKey(gone)) {
                refresh |= uninstall(installed.remove(gone).bundle());
            }
        }
        failed.keySet().removeIf(p -> !seen.containsKey(p));
        Map<Path, Long[]> changed = new LinkedHashMap<>();
        for (Map.Entry<Path, Long[]> e : seen.entrySet()) {
            Path jar = e.getKey();
            long modified = e.getValue()[0];
            long size = e.getValue()[1];
            Installed before = installed.get(jar);
            Failed failure = failed.get(jar);
            boolean unchanged = before != null ? before.modified() == modified && before.size() == size
                    : failure != null && failure.modified() == modified && failure.size() == size;
            if (!unchanged) {
                if (before != null) {
                    installed.remove(jar);
                    refresh |= uninstall(before.bundle());
                }
                failed.remove(jar);
                changed.put(jar, e.getValue());
            }
        }
        if (refresh) {
            felix.adapt(FrameworkWiring.class).refreshBundles(null);
        }
        // Install every new jar before starting any, so that a plugin may import from another whatever the order.
        Map<Path, Bundle> fresh = new LinkedHashMap<>();
        for (Map.Entry<Path, Long[]> e : changed.entrySet()) {
            Bundle bundle = install(e.getKey(), e.getValue()[0], e.getValue()[1]);
            if (bundle != null) {
                fresh.put(e.getKey(), bundle);
            }
        }
        for (Map.Entry<Path, Bundle> e : fresh.entrySet()) {
            Path jar = e.getKey();
            try {
                e.getValue().start();
            } catch (BundleException | RuntimeException ex) {
                Installed i = installed.remove(jar);
                uninstall(e.getValue());
                failed.put(jar, new Failed(i.modified(), i.size(), new PluginProblem("bundle " + jar,
                        jar.getFileName().toString(), describe(ex))));
            }
        }
    }

    private Bundle install(Path jar, long modified, long size) {
        Optional<String> exit;
        try (InputStream in = Files.newInputStream(jar)) {
            exit = ExitCalls.find(in);
        } catch (IOException | RuntimeException e) {
            exit = Optional.empty();
        }
        if (exit.isPresent()) {
            failed.put(jar, new Failed(modified, size, new PluginProblem("bundle " + jar,
                    jar.getFileName().toString(), "it calls " + exit.get() + ", which would end riemopt; "
                    + "a plugin may not end the host (throw an exception to fail)")));
            return null;
        }
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle bundle = felix.getBundleContext().installBundle(jar.toUri().toString(), in);
            installed.put(jar, new Installed(modified, size, bundle));
            return bundle;
        } catch (IOException | BundleException | RuntimeException e) {
            failed.put(jar, new Failed(modified, size, new PluginProblem("bundle " + jar,
                    jar.getFileName().toString(), describe(e))));
            return null;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return e instanceof BundleException ? "not a usable bundle: " + message : message;
    }

    private static boolean uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
            return true;
        } catch (BundleException | IllegalStateException e) {
            return false;
        }
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
            stream.forEach(p -> out.add(p.toAbsolutePath().normalize()));
        } catch (IOException e) {
            return List.of();
        }
        Collections.sort(out);
        return out;
    }

    private void poll(Duration interval) {
        while (!closed) {
            try {
                Thread.sleep(interval.toMillis());
                synchronized (this) {
                    if (!closed) {
                        scan();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A failing scan must not end the watch; the next poll tries again.
            }
        }
    }

    /** Stops watching (waiting for a scan in progress), stops Felix and deletes its storage; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            extender.close();
            stop(felix);
            withdrawHook();
            storage.delete();
        }
    }

    /**
     * The shutdown hook: deletes the storage without stopping Felix, so that an exit (e.g. a second Ctrl-C) stays
     * prompt. It waits for a scan in progress, which may be writing into the storage; the bundles' jars that Felix
     * holds open stay readable on POSIX systems while the JVM goes down.
     */
    private void deleteStorageAtExit() {
        closed = true;
        synchronized (this) {
            storage.delete();
        }
    }

    private void withdrawHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(deleteAtExit);
        } catch (IllegalStateException e) {
            // The JVM is already going down: the hook runs and deletes the storage.
        }
    }

    private static void stop(Framework framework) {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
