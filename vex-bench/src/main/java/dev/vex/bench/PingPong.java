package dev.vex.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;

/** A ping-pong over two rendezvous queues, the pong side run on an executor, for the JVM peers. */
final class PingPong {
    private PingPong() {
    }

    /** n round trips; returns the last value received (n). */
    static long run(ExecutorService pool, int n) throws InterruptedException {
        SynchronousQueue<Long> ping = new SynchronousQueue<>();
        SynchronousQueue<Long> pong = new SynchronousQueue<>();
        Future<?> other = pool.submit(() -> {
            try {
                for (int i = 0; i < n; i++) pong.put(ping.take() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long v = 0;
        for (int i = 0; i < n; i++) {
            ping.put(v);
            v = pong.take();
        }
        try {
            other.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return v;
    }
}
