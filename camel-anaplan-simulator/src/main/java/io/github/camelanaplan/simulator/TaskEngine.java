package io.github.camelanaplan.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks: one per model at a time (others wait NOT_STARTED), NOT_STARTED -> IN_PROGRESS after a quarter
 * of the task duration, COMPLETE at the end; DELETE moves it to CANCELLING then CANCELLED.
 */
final class TaskEngine implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "anaplan-sim-tasks");
        t.setDaemon(true);
        return t;
    });
    private final ActionExecutor executor;

    TaskEngine(ActionExecutor executor) {
        this.executor = executor;
    }

    void submit(SimModel model, SimTask task) {
        synchronized (model.queueLock) {
            if (model.running == null) {
                startLocked(model, task);
            } else {
                model.queue.add(task);
            }
        }
    }

    private void startLocked(SimModel model, SimTask task) {
        model.running = task;
        long total = Math.max(0, model.taskDuration(task.actionId()).toNanos());
        long before = total / 4;
        scheduler.schedule(() -> begin(model, task, total - before), before, TimeUnit.NANOSECONDS);
    }

    private void begin(SimModel model, SimTask task, long remaining) {
        if (task.transition(TaskState.NOT_STARTED, TaskState.IN_PROGRESS)) {
            scheduler.schedule(() -> finish(model, task), remaining, TimeUnit.NANOSECONDS);
        }
    }

    private void finish(SimModel model, SimTask task) {
        try {
            synchronized (task) {
                if (task.state() == TaskState.IN_PROGRESS) {
                    ActionExecutor.Outcome o = executor.execute(model, task);
                    task.complete(o.result, o.successful, o.dumpAvailable);
                }
            }
        } catch (RuntimeException e) {
            System.getLogger(TaskEngine.class.getName()).log(System.Logger.Level.WARNING, "task failed", e);
            task.complete(Json.object().put("successful", false).put("failureDumpAvailable", false)
                    .put("objectId", task.actionId()), false, false);
        } finally {
            next(model, task);
        }
    }

    private void next(SimModel model, SimTask finished) {
        synchronized (model.queueLock) {
            if (model.running != finished) {
                return;
            }
            model.running = null;
            SimTask n;
            while ((n = model.queue.poll()) != null) {
                if (n.state() == TaskState.NOT_STARTED) {
                    startLocked(model, n);
                    return;
                }
            }
        }
    }

    /** Cancels a task; returns false when it was already terminal. */
    boolean cancel(SimModel model, SimTask task) {
        boolean changed;
        synchronized (task) {
            changed = task.cancel();
        }
        if (!changed) {
            return false;
        }
        synchronized (model.queueLock) {
            model.queue.remove(task);
        }
        long delay = Math.max(1, Math.min(100, model.taskDuration(task.actionId()).toMillis() / 4));
        scheduler.schedule(() -> {
            task.cancelled();
            next(model, task);
        }, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Runs a callback after a delay on the task scheduler (for other asynchronous simulations). */
    void later(Duration d, Runnable r) {
        scheduler.schedule(r, Math.max(0, d.toNanos()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
