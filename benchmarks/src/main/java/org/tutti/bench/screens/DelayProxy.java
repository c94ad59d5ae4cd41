package org.tutti.bench.screens;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP relay that holds every chunk it carries for a fixed delay in each direction, in
 * order: the network between a family's home and the school's server (a round trip costs twice the
 * delay), for timing screens as they are waited for from afar. Threads per connection; for a
 * benchmark's few connections only.
 */
final class DelayProxy implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long delayNanos;
    private volatile boolean closed;

    /** Relays loopback connections to {@code targetPort}, {@code delayMillis} each way. */
    DelayProxy(int targetPort, int delayMillis) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        daemon("delay-proxy-accept", this::accept).start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                try {
                    server.connect(target);
                } catch (IOException e) {
                    closeQuietly(client);
                    throw e;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                relay(client, server);
                relay(server, client);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[delay-proxy] " + e);
                }
            }
        }
    }

    /** Reads from {@code from}, and writes each chunk to {@code to} once it has waited the delay. */
    private void relay(Socket from, Socket to) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        daemon("delay-proxy-read", () -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // the other side closed: end the relay
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, END));
        }).start();
        daemon("delay-proxy-write", () -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (chunk.bytes() == END) {
                        break;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed
            } finally {
                closeQuietly(to);
                closeQuietly(from);
            }
        }).start();
    }

    private record Chunk(long due, byte[] bytes) {
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
    }
}
