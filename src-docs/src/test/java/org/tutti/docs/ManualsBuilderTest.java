package org.tutti.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manuals' build: Markdown pages into HTML with their pictures, links and an index. */
class ManualsBuilderTest {

    @TempDir
    Path root;

    private Path manuals() throws IOException {
        return Files.createDirectories(root.resolve("src-docs/manuals"));
    }

    private Path fresh() throws IOException {
        return Files.createDirectories(root.resolve("client/target/screenshots"));
    }

    private Path committed() throws IOException {
        return Files.createDirectories(root.resolve("src-docs/screenshots"));
    }

    private Path out() {
        return root.resolve("src-docs/target/manuals");
    }

    private List<ManualsBuilder.Manual> build() throws IOException {
        return new ManualsBuilder(manuals(), out(), List.of(fresh(), committed())).build();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String html(String name) throws IOException {
        return Files.readString(out().resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void aManualWithAPictureATableAndALinkBecomesAPageWithThePictureBesideIt() throws IOException {
        write(manuals().resolve("family-fr.md"), """
                # Manuel des familles

                ## Se connecter

                ![La fenêtre de connexion](../screenshots/login.png)

                | Touche | Action |
                |---|---|
                | Entrée | ouvre la ligne |

                ### Mot de passe perdu

                Voir le [guide de l'accueil](staff-fr.md#valider-les-modifications) et
                [l'accessibilité](../accessibility.md).
                """);
        write(manuals().resolve("staff-fr.md"), "# Guide\n\n## Valider les modifications\n");
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Files.write(committed().resolve("login.png"), picture);

        build();

        String page = html("family-fr.html");
        assertThat(page).contains("<html lang=\"fr\">", "<title>Manuel des familles — Tutti</title>",
                "<link rel=\"stylesheet\" href=\"style.css\">")
                .contains("<img src=\"images/login.png\" alt=\"La fenêtre de connexion\"")
                .contains("<table>", "<th>Touche</th>", "<td>Entrée</td>")
                .contains("href=\"staff-fr.html#valider-les-modifications\"")
                .contains("href=\"../../accessibility.md\"")
                .doesNotContain("staff-fr.md");
        // the table of contents, after the title, links to the headings
        assertThat(page).contains("<h2 id=\"se-connecter\">Se connecter</h2>", "<h3 id=\"mot-de-passe-perdu\">")
                .contains("<a href=\"#se-connecter\">Se connecter</a>", "<a href=\"#mot-de-passe-perdu\">Mot de passe perdu</a>");
        assertThat(page.indexOf("Sommaire")).isGreaterThan(page.indexOf("</h1>")).isLessThan(page.indexOf("<h2 id=\"se-connecter\""));
        assertThat(out().resolve("images/login.png")).exists().hasBinaryContent(picture);
        assertThat(out().resolve("style.css")).content().contains("max-width: 100%");
        // the staff's link target is there, with the anchor the link names
        assertThat(html("staff-fr.html")).contains("<h2 id=\"valider-les-modifications\">");
    }

    @Test
    void thePictureThisBuildTookWinsOverTheCommittedCopy() throws IOException {
        write(manuals().resolve("family-en.md"), "# Family manual\n\n![Home](../screenshots/home.png)\n");
        Files.write(committed().resolve("home.png"), new byte[] {1});
        Files.write(fresh().resolve("home.png"), new byte[] {2, 2});

        build();

        assertThat(out().resolve("images/home.png")).hasBinaryContent(new byte[] {2, 2});
        assertThat(html("family-en.html")).contains("<html lang=\"en\">", "Tutti — all manuals");
    }

    @Test
    void aPictureInNeitherFolderFailsTheBuildNamingTheManualAndThePicture() throws IOException {
        write(manuals().resolve("staff-fr.md"), "# Guide\n\n![Accueil](../screenshots/staff-home.png)\n\n"
                + "![Paramètres](../screenshots/no-such-screen.png)\n");
        Files.write(committed().resolve("staff-home.png"), new byte[] {1});

        assertThatThrownBy(this::build).isInstanceOf(ManualsBuilder.MissingPictureException.class)
                .hasMessageContaining("staff-fr.md: ../screenshots/no-such-screen.png")
                .hasMessageNotContaining("staff-home.png")
                .hasMessageContaining(committed().toString());
        assertThat(out()).doesNotExist();
    }

    @Test
    void theIndexListsTheFrenchManualsThenTheEnglishOnes() throws IOException {
        for (String name : List.of("it-en", "family-en", "staff-fr", "it-fr", "staff-en", "family-fr")) {
            write(manuals().resolve(name + ".md"), "# " + name + "\n\nText.\n");
        }

        List<ManualsBuilder.Manual> manuals = build();

        assertThat(manuals).extracting(ManualsBuilder.Manual::name)
                .containsExactly("family-fr", "staff-fr", "it-fr", "family-en", "staff-en", "it-en");
        String index = html("index.html");
        List<String> titles = List.of("Manuel des familles", "Guide du personnel d’accueil", "Guide informatique",
                "Family manual", "Front desk guide", "IT guide");
        int previous = -1;
        for (int i = 0; i < titles.size(); i++) {
            String link = "<a href=\"" + manuals.get(i).name() + ".html\">" + Pages.escape(titles.get(i)) + "</a>";
            assertThat(index).contains(link);
            assertThat(index.indexOf(link)).as(titles.get(i)).isGreaterThan(previous);
            previous = index.indexOf(link);
        }
        assertThat(index.indexOf("En français")).isLessThan(index.indexOf("In English"));
    }

    @Test
    void withPdfEachManualIsPrintedWithItsTextAndPictureAndTheIndexLinksIt() throws IOException {
        write(manuals().resolve("staff-fr.md"), """
                # Guide du personnel d'accueil

                ## Élèves › Identité

                Le champ porte le marqueur ✎ ; « Valider » l’envoie.

                ![Accueil](../screenshots/staff-home.png)
                """);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(400, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", committed().resolve("staff-home.png").toFile());

        List<ManualsBuilder.Manual> manuals = new ManualsBuilder(manuals(), out(), List.of(fresh(), committed()), true)
                .build();

        Path pdf = out().resolve("pdf/staff-fr.pdf");
        assertThat(manuals).singleElement().extracting(ManualsBuilder.Manual::pdf).isEqualTo(pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Guide du personnel d'accueil", "Sommaire", "Élèves › Identité",
                    "« Valider » l’envoie");
            boolean pictured = false;
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    pictured |= page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
                }
            }
            assertThat(pictured).as("the picture printed").isTrue();
        }
        assertThat(html("index.html")).contains("<a class=\"pdf\" href=\"pdf/staff-fr.pdf\">PDF</a>");
    }

    /**
     * The project's own manuals, whichever of src-docs/manuals exist: each converts, with its
     * pictures from this build's screenshots or the committed ones.
     */
    @Test
    void theProjectsManualsConvertWithTheirPictures() throws IOException {
        Path sources = Path.of(System.getProperty("tutti.manuals.dir", "manuals"));
        Path output = root.resolve("real");
        List<Path> pictures = List.of(Path.of(System.getProperty("tutti.screenshots.fresh", "../client/target/screenshots")),
                Path.of(System.getProperty("tutti.screenshots.committed", "screenshots")));

        List<ManualsBuilder.Manual> manuals = new ManualsBuilder(sources, output, pictures).build();

        String index = Files.readString(output.resolve("index.html"), StandardCharsets.UTF_8);
        for (ManualsBuilder.Manual manual : manuals) {
            assertThat(index).as("the index links " + manual.name()).contains("href=\"" + manual.name() + ".html\"");
            String page = Files.readString(manual.html(), StandardCharsets.UTF_8);
            assertThat(page).as(manual.name()).contains("<main>", "<h1");
            // every picture the page shows is beside it
            java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img src=\"(images/[^\"]+)\"").matcher(page);
            while (img.find()) {
                assertThat(output.resolve(img.group(1))).as(manual.name() + " " + img.group(1)).exists();
            }
            assertThat(page).as(manual.name() + ": no link left to a manual's .md")
                    .doesNotContainPattern("href=\"[a-z-]+\\.md[\"#]");
        }
        List<String> names = manuals.stream().map(ManualsBuilder.Manual::name).toList();
        List<String> six = ManualsBuilder.KNOWN.stream().map(ManualsBuilder.Known::name).toList();
        if (names.stream().anyMatch(six::contains)) {
            // once one of issue 17's manuals is there, the whole set, in the index's order
            assertThat(names).as("the manuals in src-docs/manuals, in the index's order").containsSubsequence(six);
        }
    }
}
