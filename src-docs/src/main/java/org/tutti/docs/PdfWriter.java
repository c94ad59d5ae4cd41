package org.tutti.docs;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * A manual's HTML page printed into a PDF (A4, the stylesheet's print rules), with the DejaVu
 * fonts when the system has them (accents, arrows and symbols of the pages), else PDF's own.
 */
final class PdfWriter {

    private static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");

    private record Font(String file, String family, int weight, BaseRendererBuilder.FontStyle style) {
    }

    private static final List<Font> DEJAVU = List.of(
            new Font("DejaVuSans.ttf", "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL),
            new Font("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL),
            new Font("DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.ITALIC),
            new Font("DejaVuSans-BoldOblique.ttf", "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.ITALIC),
            new Font("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, BaseRendererBuilder.FontStyle.NORMAL),
            new Font("DejaVuSansMono-Bold.ttf", "DejaVu Sans Mono", 700, BaseRendererBuilder.FontStyle.NORMAL));

    /** PDFBox's notes on the standard fonts' stand-ins, at every run: kept (a logger held weakly would lose its level). */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    static {
        // the printer's own chatter (stylesheet rules it skips, timings) is no news in a build's output
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
    }

    private PdfWriter() {
    }

    /** Prints {@code html} (a page of the output folder, whose pictures and stylesheet it reads) into {@code pdf}. */
    static void write(Path html, Path pdf) throws IOException {
        org.jsoup.nodes.Document page = Jsoup.parse(html.toFile(), StandardCharsets.UTF_8.name(),
                html.getParent().toUri().toString());
        Files.createDirectories(pdf.getParent());
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (Font font : DEJAVU) {
                Path file = FONTS.resolve(font.file());
                if (Files.isRegularFile(file)) {
                    builder.useFont(file.toFile(), font.family(), font.weight(), font.style(), true);
                }
            }
            builder.withW3cDocument(new W3CDom().fromJsoup(page), html.getParent().toUri().toString());
            builder.toStream(out);
            builder.run();
        }
    }
}
