package org.tutti.client.ui.common;

import java.lang.reflect.Method;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.Mnemonic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the mnemonic letters underlined in a scene while the accessibility mode is on (JavaFX
 * underlines them only while Alt is held). JavaFX has no public switch for this: the internal
 * {@code NodeHelper.setShowMnemonics} is called by reflection, and where it is not reachable
 * (a runtime that does not open it) the letters are underlined with Alt as usual and the
 * mnemonics still work.
 */
final class MnemonicUnderlines {

    private static final Logger LOG = LoggerFactory.getLogger(MnemonicUnderlines.class);
    private static final Object LISTENER_KEY = new Object();
    private static final Method SET_SHOW = lookup();

    private MnemonicUnderlines() {
    }

    private static Method lookup() {
        try {
            return Class.forName("com.sun.javafx.scene.NodeHelper").getMethod("setShowMnemonics", Node.class, boolean.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.info("Mnemonics cannot be kept underlined on this runtime: {}", e.toString());
            return null;
        }
    }

    /**
     * While {@code show}, after each layout pulse every mnemonic of the scene is shown (new
     * screens register theirs as they are built; Alt released would hide them).
     */
    static void keepShown(Scene scene, boolean show) {
        if (SET_SHOW == null) {
            return;
        }
        Runnable listener = (Runnable) scene.getProperties().get(LISTENER_KEY);
        if (show && listener == null) {
            Runnable underline = () -> setAll(scene, true);
            scene.getProperties().put(LISTENER_KEY, underline);
            scene.addPostLayoutPulseListener(underline);
            underline.run();
        } else if (!show && listener != null) {
            scene.getProperties().remove(LISTENER_KEY);
            scene.removePostLayoutPulseListener(listener);
            setAll(scene, false);
        }
    }

    private static void setAll(Scene scene, boolean show) {
        for (List<Mnemonic> mnemonics : scene.getMnemonics().values()) {
            for (Mnemonic mnemonic : mnemonics) {
                try {
                    SET_SHOW.invoke(null, mnemonic.getNode(), show);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.debug("Mnemonic of {} not underlined", mnemonic.getNode(), e);
                }
            }
        }
    }
}
