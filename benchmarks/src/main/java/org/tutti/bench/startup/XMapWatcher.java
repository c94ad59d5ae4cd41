package org.tutti.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tells when a top-level window is mapped on an X display, from the X server's own events: it
 * runs {@code xev -root -event substructure}, which selects SubstructureNotify on the root window
 * and prints (and flushes) one MapNotify per top-level window the moment the server maps it.
 * Each event is stamped with {@link System#nanoTime()} when its line arrives, so the resolution
 * is the pipe's latency (well under a millisecond), not a polling period. Under Xvfb there is
 * no window manager: a mapped top-level window is viewable at once (no reparenting, no
 * compositor); override-redirect windows (tooltips, menus) are ignored.
 */
final class XMapWatcher implements AutoCloseable {

    /** A top-level window mapped at {@code nanos}. */
    record Mapped(long nanos, String window) {
    }

    private final Process xev;
    private final BlockingQueue<Mapped> mapped = new LinkedBlockingQueue<>();
    private final String display;

    XMapWatcher(String display) throws IOException {
        this.display = display;
        xev = new ProcessBuilder("xev", "-display", display, "-root", "-event", "substructure")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "xev-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(xev.getInputStream(), StandardCharsets.US_ASCII))) {
            boolean inMap = false;
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                if (line.startsWith("MapNotify event")) {
                    inMap = true;
                } else if (inMap) {
                    inMap = false;
                    // "    event 0x1e1, window 0x400030, override NO"
                    int w = line.indexOf(" window ");
                    if (w >= 0 && line.contains("override NO")) {
                        String id = line.substring(w + 8, line.indexOf(',', w + 8)).trim();
                        mapped.add(new Mapped(now, id));
                    }
                }
            }
        } catch (IOException e) {
            // xev ended
        }
    }

    void clear() {
        mapped.clear();
    }

    /**
     * The first top-level window mapped by that process (its {@code _NET_WM_PID}, which GTK sets;
     * a window without one is taken as the subject's, since subjects run one at a time), or null
     * when none came within the timeout.
     */
    Mapped awaitWindowOf(long pid, long timeoutMillis) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            Mapped m = mapped.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null) {
                return null;
            }
            Long owner = pidOf(m.window());
            if (owner == null || owner == pid) {
                return m;
            }
        }
    }

    private Long pidOf(String window) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xprop", "-display", display, "-id", window, "_NET_WM_PID").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        p.waitFor();
        int eq = out.indexOf('=');
        if (eq < 0) {
            return null;
        }
        try {
            return Long.parseLong(out.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        xev.destroy();
    }
}
