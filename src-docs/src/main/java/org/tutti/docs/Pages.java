package org.tutti.docs;

import java.util.List;

/** The HTML around a manual's body, and the index of the manuals. */
final class Pages {

    private Pages() {
    }

    /** A manual's page: its title, a link back to the index, its table of contents after its first heading. */
    static String manual(ManualConverter.Converted page, String title, String lang) {
        boolean french = !"en".equals(lang);
        StringBuilder toc = new StringBuilder();
        if (!page.toc().isEmpty()) {
            toc.append("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">")
                    .append(french ? "Sommaire" : "Contents").append("</h2>\n<ul>\n");
            boolean nested = false;
            boolean open = false;
            for (ManualConverter.TocEntry entry : page.toc()) {
                if (entry.level() == 2 || !open) {
                    if (nested) {
                        toc.append("</ul>");
                        nested = false;
                    }
                    if (open) {
                        toc.append("</li>\n");
                    }
                    open = true;
                    toc.append("<li>");
                } else if (!nested) {
                    toc.append("\n<ul>\n");
                    nested = true;
                }
                if (nested) {
                    toc.append("<li>").append(link(entry)).append("</li>\n");
                } else {
                    toc.append(link(entry));
                }
            }
            if (nested) {
                toc.append("</ul>");
            }
            toc.append("</li>\n</ul>\n</nav>\n");
        }
        String body = page.bodyHtml();
        int afterTitle = body.indexOf("</h1>");
        if (afterTitle >= 0) {
            afterTitle += "</h1>".length();
            body = body.substring(0, afterTitle) + "\n" + toc + body.substring(afterTitle);
        } else {
            body = toc + body;
        }
        return head(lang, title + " — Tutti")
                + "<header class=\"site\"><a href=\"index.html\">"
                + (french ? "Tutti — tous les manuels" : "Tutti — all manuals") + "</a></header>\n"
                + "<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    /** The index: the French manuals, then the English ones, each in the order given. */
    static String index(List<ManualsBuilder.Manual> manuals) {
        StringBuilder html = new StringBuilder(head("fr", "Tutti — manuels"));
        html.append("<main>\n<h1>Tutti — manuels <span lang=\"en\">/ manuals</span></h1>\n");
        if (manuals.isEmpty()) {
            html.append("<p>Aucun manuel dans src-docs/manuals. <span lang=\"en\">No manual yet.</span></p>\n");
        }
        section(html, manuals, "fr", "En français");
        section(html, manuals, "en", "In English");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void section(StringBuilder html, List<ManualsBuilder.Manual> manuals, String lang, String heading) {
        List<ManualsBuilder.Manual> these = manuals.stream().filter(m -> m.lang().equals(lang)).toList();
        if (these.isEmpty()) {
            return;
        }
        html.append("<section lang=\"").append(lang).append("\">\n<h2>").append(heading).append("</h2>\n<ul class=\"manuals\">\n");
        for (ManualsBuilder.Manual manual : these) {
            html.append("<li><a href=\"").append(escape(manual.name())).append(".html\">")
                    .append(escape(manual.title())).append("</a>");
            if (manual.pdf() != null) {
                html.append(" <a class=\"pdf\" href=\"pdf/").append(escape(manual.name())).append(".pdf\">PDF</a>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static String link(ManualConverter.TocEntry entry) {
        return "<a href=\"#" + escape(entry.id()) + "\">" + escape(entry.text()) + "</a>";
    }

    private static String head(String lang, String title) {
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + ManualsBuilder.STYLESHEET + "\">\n</head>\n<body>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
