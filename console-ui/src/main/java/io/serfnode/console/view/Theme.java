package io.serfnode.console.view;

import java.net.URL;
import java.util.List;
import java.util.Objects;

/** Light and dark looks: one shared stylesheet for spacing and shapes, one per theme for colours. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private static final String BASE = "base.css";
    private final String file;

    Theme(String file) {
        this.file = file;
    }

    /** The stylesheets to put on a scene, base first. */
    public List<String> stylesheets() {
        return List.of(url(BASE), url(file));
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String url(String name) {
        URL resource = Theme.class.getResource("/io/serfnode/console/css/" + name);
        return Objects.requireNonNull(resource, "stylesheet " + name + " is missing from the build").toExternalForm();
    }
}
