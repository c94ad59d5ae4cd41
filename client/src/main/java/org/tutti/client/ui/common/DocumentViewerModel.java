package org.tutti.client.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tutti.client.documents.PageRenderer;
import org.tutti.client.documents.PageRenderer.Page;
import org.tutti.client.documents.PageRenderer.UnreadableDocumentException;

/**
 * What the document viewer shows: a document read in the background (its bytes from wherever the
 * caller says, then drawn by {@link PageRenderer}), the page shown, "Page 1 / 3", and a message
 * when it cannot be read or shown. Pages are drawn one at a time, off the JavaFX thread; asking for
 * another page while one is drawn draws the last one asked for next.
 */
public final class DocumentViewerModel {

    private static final Failures FAILURES = Failures.of("Document viewer", "viewer.error.unexpected");

    private final Callable<byte[]> content;
    private final String contentType;
    private final BackgroundTasks tasks;
    private float dpi = 96;
    private PageRenderer renderer;
    private boolean closed;
    /** The page the user asked for last (what is drawn next when a drawing ends). */
    private int wanted;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page");
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(this, "pageIndex");
    private final IntegerProperty pageCount = new SimpleIntegerProperty(this, "pageCount");
    private final StringProperty pageText = new SimpleStringProperty(this, "pageText", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty pdf = new SimpleBooleanProperty(this, "pdf");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    /**
     * @param content     reads the document's bytes (called in the background)
     * @param contentType {@code application/pdf}, {@code image/png}, {@code image/jpeg} (or null: from the content)
     */
    public DocumentViewerModel(Callable<byte[]> content, String contentType, BackgroundTasks tasks) {
        this.content = Objects.requireNonNull(content);
        this.contentType = contentType;
        this.tasks = Objects.requireNonNull(tasks);
    }

    private record Opened(PageRenderer renderer, Page first) {
    }

    /** Reads the document and draws its first page; PDF pages at {@code dotsPerInch}. */
    public void load(float dotsPerInch) {
        this.dpi = dotsPerInch;
        busy.set(true);
        error.set("");
        tasks.run(() -> {
            PageRenderer opened = PageRenderer.open(content.call(), contentType);
            try {
                return new Opened(opened, opened.render(0, dotsPerInch));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }).onSuccess(opened -> {
            if (closed) {
                release(opened.renderer());
                return;
            }
            renderer = opened.renderer();
            pdf.set(renderer.isPdf());
            pageCount.set(renderer.pageCount());
            shown(0, opened.first());
        }).onFailure(this::failed);
    }

    private void shown(int index, Page drawn) {
        pageIndex.set(index);
        page.set(drawn);
        pageText.set(I18n.get("viewer.page", index + 1, pageCount.get()));
        busy.set(false);
        if (wanted != index) {
            draw(wanted);
        }
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof UnreadableDocumentException) {
            error.set(I18n.get("viewer.error.unreadable"));
        } else {
            error.set(FAILURES.message(failure));
        }
    }

    public void next() {
        goTo(wanted + 1);
    }

    public void previous() {
        goTo(wanted - 1);
    }

    /** Shows page {@code index} (from 0); nothing outside the document. */
    public void goTo(int index) {
        if (renderer == null || closed || index < 0 || index >= pageCount.get()) {
            return;
        }
        wanted = index;
        if (!busy.get()) {
            draw(index);
        }
    }

    private void draw(int index) {
        PageRenderer drawing = renderer;
        busy.set(true);
        tasks.run(() -> drawing.render(index, dpi)).onSuccess(drawn -> {
            if (!closed) {
                shown(index, drawn);
            }
        }).onFailure(failure -> {
            wanted = pageIndex.get();
            failed(failure);
        });
    }

    /** The window closed: frees the document (in the background, after a page being drawn). */
    public void close() {
        closed = true;
        release(renderer);
        renderer = null;
    }

    private void release(PageRenderer r) {
        if (r != null) {
            tasks.run(() -> {
                r.close();
                return null;
            });
        }
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page;
    }

    /** The page shown, from 0. */
    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex;
    }

    /** 0 until the document is read. */
    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount;
    }

    /** "Page 1 / 3". */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText;
    }

    /** True while the document is read or a page drawn. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True for a PDF (pages at the screen's resolution, turned with the buttons). */
    public ReadOnlyBooleanProperty pdfProperty() {
        return pdf;
    }

    /** Why the document cannot be shown, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
