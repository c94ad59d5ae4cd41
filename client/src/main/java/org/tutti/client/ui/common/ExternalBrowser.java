package org.tutti.client.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import javafx.application.HostServices;

/**
 * The one place that opens a web page in the user's browser (the online payment provider's):
 * through the application's {@link HostServices}, installed when the application starts. When the
 * system property {@value #CAPTURE_PROPERTY} holds a path, no browser opens: the address is
 * appended to that file, one line each (tests and scripted use; src-docs/ui-contract.md, "File
 * choosers and the browser").
 */
public final class ExternalBrowser {

    /** The system property naming the file that receives the addresses instead of a browser. */
    public static final String CAPTURE_PROPERTY = "tutti.browser.capture";

    private static volatile HostServices hostServices;

    private ExternalBrowser() {
    }

    /** The application's services (TuttiApp.start). */
    public static void install(HostServices services) {
        hostServices = Objects.requireNonNull(services);
    }

    /**
     * Opens {@code url} in the system browser, or appends it to the capture file.
     *
     * @throws IllegalStateException when no browser can be reached (the application was not started)
     * @throws UncheckedIOException  when the capture file cannot be written
     */
    public static void open(String url) {
        Objects.requireNonNull(url);
        Path capture = captureFile();
        if (capture != null) {
            try {
                Files.writeString(capture, url + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        HostServices services = hostServices;
        if (services == null) {
            throw new IllegalStateException("No browser: the application's host services are not installed");
        }
        services.showDocument(url);
    }

    /** The addresses captured so far (empty without a capture file). */
    public static List<String> captured() {
        Path capture = captureFile();
        try {
            return capture == null || !Files.exists(capture) ? List.of()
                    : Files.readAllLines(capture, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path captureFile() {
        String capture = System.getProperty(CAPTURE_PROPERTY);
        return capture == null || capture.isBlank() ? null : Path.of(capture.strip());
    }
}
