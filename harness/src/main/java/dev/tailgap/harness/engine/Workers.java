package dev.tailgap.harness.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that ask items in one attempt: virtual threads on a JDK where blocking inside {@code synchronized} no
 * longer pins the carrier (24 and later, JEP 491; OkHttp and Jackson use {@code synchronized}), daemon platform
 * threads otherwise. A thread per worker either way; a virtual one costs a few hundred bytes of heap where a platform
 * one reserves its stack, so a concurrency of a thousand stays small. Thread-safe.
 */
final class Workers {
    /** The first Java feature release whose virtual threads do not pin on {@code synchronized}. */
    static final int VIRTUAL_FROM = 24;
    private static final ThreadFactory VIRTUAL = virtualFactory();

    private final ThreadFactory factory;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    Workers(String name) {
        this.factory = VIRTUAL != null ? VIRTUAL : platform(name);
    }

    /** Whether this JVM's workers are virtual threads. */
    static boolean virtual() {
        return VIRTUAL != null;
    }

    /** Starts {@code work} on a new worker; after {@link #interruptAll()} it is not started. */
    void start(Runnable work) {
        if (stopped) {
            return;
        }
        Thread t = factory.newThread(() -> {
            try {
                work.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        });
        live.add(t);
        t.start();
        if (stopped) {
            t.interrupt();
        }
    }

    /** Interrupts every worker (ends waits and blocking calls that heed interrupts); starts no more. */
    void interruptAll() {
        stopped = true;
        live.forEach(Thread::interrupt);
    }

    /** Waits until every worker started so far, and any they start meanwhile, has ended. */
    void joinAll() {
        boolean interrupted = false;
        while (!live.isEmpty()) {
            for (Thread t : live.toArray(new Thread[0])) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory platform(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** {@code Thread.ofVirtual().name("tailgap-worker-", 1).factory()} where it exists and does not pin. */
    private static ThreadFactory virtualFactory() {
        if (Runtime.version().feature() < VIRTUAL_FROM || Boolean.getBoolean("tailgap.platformThreads")) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder));
            MethodHandle name = lookup.findVirtual(builder, "name",
                    MethodType.methodType(builder, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            Object b = name.invoke(ofVirtual.invoke(), "tailgap-worker-", 1L);
            return (ThreadFactory) factory.invoke(b);
        } catch (Throwable e) {
            return null;
        }
    }
}
