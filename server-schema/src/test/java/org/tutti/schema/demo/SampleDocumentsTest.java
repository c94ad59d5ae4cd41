package org.tutti.schema.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The uploaded documents of the demo must pass the client's content check (JPEG/PNG/PDF by content). */
class SampleDocumentsTest {

    @Test
    void pngIsAReadableImage() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(SampleDocuments.png()));

        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(48);
        assertThat(SampleDocuments.png()).isEqualTo(SampleDocuments.png());
    }

    @Test
    void pdfHasAConsistentCrossReferenceTable() {
        String pdf = new String(SampleDocuments.pdf("Test (démo)"), StandardCharsets.US_ASCII);

        assertThat(pdf).startsWith("%PDF-1.4\n").endsWith("%%EOF\n").contains("(Test \\(d\\351mo\\)) Tj")
                .contains("/WinAnsiEncoding");
        Matcher offsets = Pattern.compile("(\\d{10}) 00000 n ").matcher(pdf);
        int object = 1;
        while (offsets.find()) {
            assertThat(pdf.substring(Integer.parseInt(offsets.group(1)))).startsWith(object++ + " 0 obj");
        }
        assertThat(object).isEqualTo(6);
        int startXref = Integer.parseInt(pdf.replaceAll("(?s).*startxref\n(\\d+).*", "$1"));
        assertThat(pdf.substring(startXref)).startsWith("xref");
    }
}
