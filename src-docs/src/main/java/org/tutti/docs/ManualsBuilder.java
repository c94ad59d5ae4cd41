package org.tutti.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the manuals: every {@code *.md} of the manuals folder into an HTML page of the output
 * folder with its table of contents, one stylesheet ({@code style.css}), the pictures the pages
 * show in {@code images/} and an {@code index.html} listing them, French first then English.
 * A picture {@code ../screenshots/NAME.png} comes from the first picture folder holding it (the
 * pictures this build's UI tests took, then the committed copies); one found in none fails the
 * build, naming the manual and the picture.
 *
 * <p>Run by the module's {@code package} phase:
 * {@code ManualsBuilder [--pdf] MANUALS_DIR OUTPUT_DIR PICTURE_DIR...}; with {@code --pdf} (the
 * build's {@code -Dtutti.docs.pdf=true}) each manual is printed into {@code pdf/NAME.pdf} as well.
 */
public final class ManualsBuilder {

    static final String IMAGES = "images";
    static final String STYLESHEET = "style.css";

    /** A manual the index names: its file name without {@code .md}, its title, its language. */
    record Known(String name, String title, String lang) {
    }

    /** The manuals in the index's order: French, then English. */
    static final List<Known> KNOWN = List.of(
            new Known("family-fr", "Manuel des familles", "fr"),
            new Known("staff-fr", "Guide du personnel d’accueil", "fr"),
            new Known("it-fr", "Guide informatique", "fr"),
            new Known("family-en", "Family manual", "en"),
            new Known("staff-en", "Front desk guide", "en"),
            new Known("it-en", "IT guide", "en"));

    /** A page written: the manual's name, its title in the index, its language, the HTML file, the PDF (or null). */
    public record Manual(String name, String title, String lang, Path html, Path pdf) {
    }

    private final Path manualsDir;
    private final Path outputDir;
    private final List<Path> pictureDirs;
    private final boolean pdf;
    private final ManualConverter converter = new ManualConverter();

    public ManualsBuilder(Path manualsDir, Path outputDir, List<Path> pictureDirs) {
        this(manualsDir, outputDir, pictureDirs, false);
    }

    /** With {@code pdf}, each manual is printed into {@code pdf/NAME.pdf} too, and the index links it. */
    public ManualsBuilder(Path manualsDir, Path outputDir, List<Path> pictureDirs, boolean pdf) {
        this.pdf = pdf;
        this.manualsDir = manualsDir.toAbsolutePath().normalize();
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.pictureDirs = pictureDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    public static void main(String[] args) throws IOException {
        // --pdf or --pdf=true: each manual printed into pdf/NAME.pdf too
        boolean pdf = Stream.of(args).anyMatch(a -> a.equals("--pdf") || a.equals("--pdf=true"));
        List<String> paths = Stream.of(args).filter(a -> !a.startsWith("--pdf")).toList();
        if (paths.size() < 2) {
            throw new IllegalArgumentException("usage: ManualsBuilder [--pdf] MANUALS_DIR OUTPUT_DIR PICTURE_DIR...");
        }
        long start = System.nanoTime();
        List<Path> pictures = paths.stream().skip(2).map(Path::of).toList();
        List<Manual> manuals = new ManualsBuilder(Path.of(paths.get(0)), Path.of(paths.get(1)), pictures, pdf).build();
        System.out.printf("Manuals: %d built%s into %s in %d ms%n", manuals.size(), pdf ? " (HTML and PDF)" : "",
                Path.of(paths.get(1)).resolve("index.html"), (System.nanoTime() - start) / 1_000_000);
    }

    /** Builds every manual of the folder (none is fine: the index says so); returns them in the index's order. */
    public List<Manual> build() throws IOException {
        List<Path> sources = new ArrayList<>();
        if (Files.isDirectory(manualsDir)) {
            try (Stream<Path> files = Files.list(manualsDir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f))
                        .sorted(Comparator.comparing(f -> order(name(f)))).forEach(sources::add);
            }
        }
        Map<Path, ManualConverter.Converted> converted = new LinkedHashMap<>();
        Map<String, Path> pictures = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Path source : sources) {
            ManualConverter.Converted page = converter.convert(Files.readString(source, StandardCharsets.UTF_8),
                    manualsDir, outputDir);
            converted.put(source, page);
            for (String picture : page.screenshots()) {
                Optional<Path> found = pictureDirs.stream().map(d -> d.resolve(picture)).filter(Files::isRegularFile)
                        .findFirst();
                if (found.isPresent()) {
                    pictures.putIfAbsent(picture, found.get());
                } else {
                    missing.add(source.getFileName() + ": ../screenshots/" + picture);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingPictureException("Pictures missing for the manuals (in none of "
                    + pictureDirs.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("no folder")
                    + "; ScreenshotTest takes them):\n  " + String.join("\n  ", missing));
        }

        deleteRecursively(outputDir);
        Files.createDirectories(outputDir.resolve(IMAGES));
        for (Map.Entry<String, Path> picture : pictures.entrySet()) {
            Files.copy(picture.getValue(), outputDir.resolve(IMAGES).resolve(picture.getKey()),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        try (InputStream css = ManualsBuilder.class.getResourceAsStream(STYLESHEET)) {
            Files.copy(css, outputDir.resolve(STYLESHEET));
        }
        List<Manual> manuals = new ArrayList<>();
        for (Map.Entry<Path, ManualConverter.Converted> entry : converted.entrySet()) {
            String name = name(entry.getKey());
            Optional<Known> known = KNOWN.stream().filter(k -> k.name().equals(name)).findFirst();
            String lang = known.map(Known::lang).orElse(name.endsWith("-en") ? "en" : "fr");
            ManualConverter.Converted page = entry.getValue();
            String title = known.map(Known::title).orElse(page.title() != null ? page.title() : name);
            Path html = outputDir.resolve(name + ".html");
            Files.writeString(html, Pages.manual(page, title, lang), StandardCharsets.UTF_8);
            Path printed = null;
            if (pdf) {
                printed = outputDir.resolve("pdf").resolve(name + ".pdf");
                PdfWriter.write(html, printed);
            }
            manuals.add(new Manual(name, title, lang, html, printed));
        }
        Files.writeString(outputDir.resolve("index.html"), Pages.index(manuals), StandardCharsets.UTF_8);
        return manuals;
    }

    /** The index's order: the known manuals first as listed, then the others, French before English, by name. */
    private static String order(String name) {
        for (int i = 0; i < KNOWN.size(); i++) {
            if (KNOWN.get(i).name().equals(name)) {
                return "0" + i;
            }
        }
        return (name.endsWith("-en") ? "2" : "1") + name;
    }

    private static String name(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".md".length());
    }

    /** Empties the output folder of an earlier build; refuses a folder that holds something else. */
    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(folder.resolve("index.html"))) {
                throw new IOException("Refusing to empty " + folder + ": it is not an earlier output of the manuals"
                        + " (no index.html); choose an empty or new folder");
            }
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A picture a manual shows is in none of the picture folders. */
    public static final class MissingPictureException extends IOException {
        private static final long serialVersionUID = 1L;

        MissingPictureException(String message) {
            super(message);
        }
    }
}
