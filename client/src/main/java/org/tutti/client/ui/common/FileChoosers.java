package org.tutti.client.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Every open and save dialog goes through here (src-docs/ui-contract.md, "File choosers"). When
 * the system property {@value #ANSWER_PROPERTY} holds a path, that path is the answer and no
 * native dialog opens (tests, scripted use); otherwise a {@link FileChooser} with a French
 * title and extension filters. Filters only help the user find the files: what a file is, is
 * checked by its content afterwards. The last folder chosen is remembered for the session.
 */
public final class FileChoosers {

    /** The system property whose path answers every file chooser. */
    public static final String ANSWER_PROPERTY = "tutti.fileChooser.answer";

    /** The kinds of file a chooser proposes. */
    public enum Kind {
        /** JPEG, PNG or PDF (an imported document). */
        DOCUMENT("files.filter.documents", "*.jpg", "*.jpeg", "*.png", "*.pdf", "*.JPG", "*.JPEG", "*.PNG", "*.PDF"),
        /** A PDF (a saved letter or invoice). */
        PDF("files.filter.pdf", "*.pdf", "*.PDF"),
        /** A JPEG or PNG (an imported document saved from the viewer). */
        IMAGE("files.filter.images", "*.jpg", "*.jpeg", "*.png", "*.JPG", "*.JPEG", "*.PNG");

        private final String filterKey;
        private final List<String> extensions;

        Kind(String filterKey, String... extensions) {
            this.filterKey = filterKey;
            this.extensions = List.of(extensions);
        }
    }

    private static volatile File lastFolder;

    private FileChoosers() {
    }

    /**
     * Asks for a file to open; empty when the user cancels.
     *
     * @param titleKey the window title's bundle key
     */
    public static Optional<Path> open(Window owner, String titleKey, Kind kind) {
        Optional<Path> answer = scriptedAnswer();
        if (answer.isPresent()) {
            return answer;
        }
        FileChooser chooser = chooser(titleKey, kind);
        return remember(chooser.showOpenDialog(owner));
    }

    /**
     * Asks where to save a file, proposing {@code suggestedName}; empty when the user cancels.
     */
    public static Optional<Path> save(Window owner, String titleKey, Kind kind, String suggestedName) {
        Optional<Path> answer = scriptedAnswer();
        if (answer.isPresent()) {
            return answer;
        }
        FileChooser chooser = chooser(titleKey, kind);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    /** The path of {@value #ANSWER_PROPERTY}, when set and not blank. */
    static Optional<Path> scriptedAnswer() {
        String answer = System.getProperty(ANSWER_PROPERTY);
        return answer == null || answer.isBlank() ? Optional.empty() : Optional.of(Path.of(answer.strip()));
    }

    private static FileChooser chooser(String titleKey, Kind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get(titleKey));
        FileChooser.ExtensionFilter filter = new FileChooser.ExtensionFilter(I18n.get(kind.filterKey), kind.extensions);
        chooser.getExtensionFilters().addAll(filter,
                new FileChooser.ExtensionFilter(I18n.get("files.filter.all"), "*.*", "*"));
        chooser.setSelectedExtensionFilter(filter);
        File folder = lastFolder;
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    private static Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        File parent = chosen.getAbsoluteFile().getParentFile();
        if (parent != null && Files.isDirectory(parent.toPath())) {
            lastFolder = parent;
        }
        return Optional.of(chosen.toPath());
    }
}
