package org.tutti.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark report: Markdown headings, tables and notes, printed to standard output as they
 * come and written to a file at the end (and after each section, so an interrupted run keeps what
 * it measured).
 */
public final class Report {

    private final StringBuilder text = new StringBuilder();
    private final Path file;

    public Report(Path file) {
        this.file = file;
    }

    public synchronized void heading(String title) {
        append("\n## " + title + "\n\n");
    }

    public synchronized void subheading(String title) {
        append("\n### " + title + "\n\n");
    }

    /** A paragraph: the method, the machine, or what a table means. */
    public synchronized void note(String paragraph) {
        append(paragraph + "\n\n");
    }

    /** A Markdown table; cells are printed as given (use {@link Stats#format}). */
    public synchronized void table(List<String> headers, List<List<String>> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (int i = 0; i < headers.size(); i++) {
            t.append(i == 0 ? "---|" : "---:|");
        }
        t.append('\n');
        for (List<String> row : rows) {
            t.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        append(t + "\n");
    }

    private void append(String part) {
        text.append(part);
        System.out.print(part);
        System.out.flush();
    }

    public synchronized void write() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    public Path file() {
        return file;
    }
}
