package org.riemopt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Runs independent trials on a fixed pool of threads. Each trial is deterministic on its own, so the results do not
 * depend on the number of threads; they are returned in task order, never in completion order.
 */
final class TrialPool {

    private TrialPool() {
    }

    /**
     * Runs {@code tasks} on {@code threads} threads.
     *
     * @param finished called on the calling thread, in completion order, with each task's index and result (for
     *                 progress and checkpoints)
     * @return the results in the order of {@code tasks}
     * @throws RuntimeException the first failure of a task, as it was thrown; the other tasks are cancelled
     */
    static <R> List<R> run(List<Callable<R>> tasks, int threads, BiConsumer<Integer, R> finished)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "riemopt-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Indexed<R>> completion = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < tasks.size(); i++) {
                int index = i;
                Callable<R> task = tasks.get(i);
                completion.submit(() -> new Indexed<>(index, task.call()));
            }
            List<R> results = new ArrayList<>(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                results.add(null);
            }
            for (int i = 0; i < tasks.size(); i++) {
                Future<Indexed<R>> done = completion.take();
                Indexed<R> r;
                try {
                    r = done.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                results.set(r.index(), r.value());
                finished.accept(r.index(), r.value());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Indexed<R>(int index, R value) {
    }
}
