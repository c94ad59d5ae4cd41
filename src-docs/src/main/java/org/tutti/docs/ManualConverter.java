package org.tutti.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * One manual's Markdown turned into the body of its HTML page: GitHub tables, an id on each
 * heading (the table of contents links to them), links to a sibling manual's {@code .md}
 * rewritten to its {@code .html}, other relative links re-aimed from the output folder, and each
 * picture {@code ../screenshots/NAME.png} pointed at {@code images/NAME.png} (the builder copies it).
 */
final class ManualConverter {

    /** A picture taken by the UI tests, as the manuals reference it (renders on a Git host too). */
    static final Pattern SCREENSHOT = Pattern.compile("\\.\\./screenshots/([A-Za-z0-9._-]+\\.png)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** A heading of the table of contents: level 2 or 3, its text and its anchor. */
    record TocEntry(int level, String text, String id) {
    }

    /** What a manual gives: its title (first level-1 heading), its contents, its body, the pictures it needs. */
    record Converted(String title, List<TocEntry> toc, String bodyHtml, Set<String> screenshots) {
    }

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();

    /**
     * Converts {@code markdown}, read from {@code sourceDir}, for a page written into {@code outputDir}.
     */
    Converted convert(String markdown, Path sourceDir, Path outputDir) {
        Node document = parser.parse(markdown);
        IdGenerator ids = IdGenerator.builder().build();
        Map<Node, String> headingIds = new IdentityHashMap<>();
        List<TocEntry> toc = new ArrayList<>();
        Set<String> screenshots = new LinkedHashSet<>();
        String[] title = {null};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = plainText(heading).strip();
                String id = ids.generateId(text);
                headingIds.put(heading, id);
                if (heading.getLevel() == 1 && title[0] == null) {
                    title[0] = text;
                } else if (heading.getLevel() == 2 || heading.getLevel() == 3) {
                    toc.add(new TocEntry(heading.getLevel(), text, id));
                }
                visitChildren(heading);
            }

            @Override
            public void visit(Link link) {
                link.setDestination(linkTarget(link.getDestination(), sourceDir, outputDir));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                Matcher screenshot = SCREENSHOT.matcher(image.getDestination());
                if (screenshot.matches()) {
                    screenshots.add(screenshot.group(1));
                    image.setDestination(ManualsBuilder.IMAGES + "/" + screenshot.group(1));
                } else {
                    image.setDestination(linkTarget(image.getDestination(), sourceDir, outputDir));
                }
                visitChildren(image);
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    String id = headingIds.get(node);
                    if (id != null) {
                        attributes.put("id", id);
                    }
                    if (node instanceof Image) {
                        attributes.put("loading", "lazy");
                    }
                })
                .build();
        return new Converted(title[0], toc, renderer.render(document), screenshots);
    }

    /** A link's target from the page: {@code x.md#a} → {@code x.html#a}; other relative paths from the output folder. */
    static String linkTarget(String destination, Path sourceDir, Path outputDir) {
        if (destination.isEmpty() || destination.startsWith("#") || destination.startsWith("/")
                || SCHEME.matcher(destination).find()) {
            return destination;
        }
        int cut = indexOfAny(destination, '#', '?');
        String path = cut < 0 ? destination : destination.substring(0, cut);
        String rest = cut < 0 ? "" : destination.substring(cut);
        if (path.endsWith(".md") && !path.contains("/")) {
            return path.substring(0, path.length() - ".md".length()) + ".html" + rest;
        }
        Path target = sourceDir.toAbsolutePath().resolve(path).normalize();
        return outputDir.toAbsolutePath().normalize().relativize(target).toString().replace('\\', '/') + rest;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}
