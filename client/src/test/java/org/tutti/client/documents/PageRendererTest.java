package org.tutti.client.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tutti.client.documents.PageRenderer.Page;
import org.tutti.client.documents.PageRenderer.UnreadableDocumentException;

class PageRendererTest {

    @Test
    void anImageIsOnePageAtItsOwnSize() {
        try (PageRenderer renderer = PageRenderer.open(SampleDocuments.png(40, 20), "image/png")) {
            assertThat(renderer.isPdf()).isFalse();
            assertThat(renderer.pageCount()).isEqualTo(1);
            Page page = renderer.render(0, 96);
            assertThat(page.width()).isEqualTo(40);
            assertThat(page.height()).isEqualTo(20);
            assertThat(page.argb()[0]).as("red on the left").isEqualTo(0xFFFF0000);
            assertThat(page.argb()[39]).as("blue on the right").isEqualTo(0xFF0000FF);
        }
        try (PageRenderer jpeg = PageRenderer.open(SampleDocuments.jpeg(30, 30), "image/jpeg")) {
            assertThat(jpeg.render(0, 96).width()).isEqualTo(30);
        }
    }

    @Test
    void aHugeImageIsScaledDown() {
        try (PageRenderer renderer = PageRenderer.open(SampleDocuments.png(5000, 100), "image/png")) {
            Page page = renderer.render(0, 96);
            assertThat(page.width()).isEqualTo(PageRenderer.MAX_SIDE);
            assertThat(page.height()).isEqualTo(82);
        }
    }

    @Test
    void aPdfIsDrawnPageByPageAtTheResolutionAsked() {
        try (PageRenderer renderer = PageRenderer.open(SampleDocuments.pdf(2), "application/pdf")) {
            assertThat(renderer.isPdf()).isTrue();
            assertThat(renderer.pageCount()).isEqualTo(2);
            Page first = renderer.render(0, 96);
            // A4 is 595.3 × 841.9 points: 793 × 1122 pixels at 96 dpi
            assertThat(first.width()).isEqualTo(793);
            assertThat(first.height()).isEqualTo(1122);
            assertThat(first.argb()[10 * 793 + 10]).as("page 1: white at the top").isEqualTo(0xFFFFFFFF);
            Page second = renderer.render(1, 96);
            assertThat(second.argb()[10 * 793 + 10]).as("page 2: its black band").isEqualTo(0xFF000000);
            assertThat(renderer.render(0, 192).width()).as("twice the resolution").isEqualTo(1587);
        }
    }

    @Test
    void theContentDecidesWhenTheTypeIsUnknown() {
        try (PageRenderer renderer = PageRenderer.open(SampleDocuments.pdf(1), null)) {
            assertThat(renderer.isPdf()).isTrue();
        }
    }

    @Test
    void brokenDocumentsCannotBeShown() {
        byte[] pdf = SampleDocuments.pdf(2);
        byte[] truncated = Arrays.copyOf(pdf, pdf.length / 3);
        assertThatThrownBy(() -> PageRenderer.open(truncated, "application/pdf"))
                .isInstanceOf(UnreadableDocumentException.class);
        assertThatThrownBy(() -> PageRenderer.open("hello, not a picture".getBytes(StandardCharsets.UTF_8), "image/png"))
                .isInstanceOf(UnreadableDocumentException.class);
        assertThatThrownBy(() -> PageRenderer.open(new byte[0], "image/png"))
                .isInstanceOf(UnreadableDocumentException.class);
        byte[] png = SampleDocuments.png(50, 50);
        assertThatThrownBy(() -> PageRenderer.open(Arrays.copyOf(png, 30), "image/png"))
                .isInstanceOf(UnreadableDocumentException.class);
    }
}
