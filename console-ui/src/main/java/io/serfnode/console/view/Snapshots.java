package io.serfnode.console.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** PNG pictures of nodes, for documentation, checks and the operator's reports. */
public final class Snapshots {
    private Snapshots() {
    }

    /** Writes what {@code node} shows now; call on the FX thread. */
    public static void writePng(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(null, null);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
