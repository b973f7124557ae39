package io.serfnode.console.graph;

import io.serfnode.model.SupervisorState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * The live cluster graph: members coloured by role (one segment per role), status shown by shape, children as
 * satellites coloured by supervisor state that pulse when they change, the selected member's links to every
 * other member, and a faint full mesh for small clusters.
 *
 * <p>Everything is drawn onto one {@link Canvas}, and only when something changed: one {@link AnimationTimer}
 * runs while a redraw is pending, a pulse is running or the view glides to a new place, and stops otherwise.
 * The drawing itself happens after the scene's layout, in the pulse that asked for it: a new model set by an
 * animation timer that ran after this view's, or a new size from the layout, is on screen in the same frame
 * rather than one pulse later.
 * Pulse rings alone redraw at most every {@link #RING_FRAME_NANOS}.
 * {@link #setModel} is cheap: the layout is recomputed only when members' names, addresses or roles change.
 *
 * <p>Mouse: wheel zooms around the cursor, drag pans, click selects, double-click centres. Keys: {@code +} and
 * {@code -} zoom, {@code 0} fits, arrows pan, Escape clears the selection. All methods must be called on the
 * JavaFX application thread.
 */
public class ClusterGraphView extends Region {
    static final long GLIDE_NANOS = 250_000_000L;
    /**
     * While only pulse rings move, a frame at most every 25 ms: every other frame at 60 Hz. Rings fade over a
     * second, so they still look smooth, and a busy cluster (always pulsing) costs half the drawing.
     */
    static final long RING_FRAME_NANOS = 25_000_000L;
    private static final double FIT_PADDING = 24;
    private static final double KEY_ZOOM = 1.25;
    private static final double KEY_PAN = 60;
    /** centreOn zooms in at least this far, so the member's name is readable. */
    private static final double READABLE_SCALE = GraphRenderer.LABEL_RADIUS * 1.5 / GraphLayout.MEMBER_RADIUS;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Canvas canvas = new Canvas();
    private final GraphRenderer renderer;
    private final Pulses pulses = new Pulses();
    private final Tooltip tooltip = new Tooltip();
    private final ReadOnlyObjectWrapper<GraphModel> model =
            new ReadOnlyObjectWrapper<>(this, "model", GraphModel.empty());
    private final ReadOnlyObjectWrapper<GraphMember> selectedMember =
            new ReadOnlyObjectWrapper<>(this, "selectedMember");
    private final ObjectProperty<LayoutMode> layoutMode = new SimpleObjectProperty<>(this, "layoutMode",
            LayoutMode.BY_ROLE) {
        @Override
        protected void invalidated() {
            if (get() == null) {
                set(LayoutMode.BY_ROLE);
                return;
            }
            relayout();
        }
    };
    private final ObjectProperty<GraphTheme> theme = new SimpleObjectProperty<>(this, "theme", GraphTheme.LIGHT) {
        @Override
        protected void invalidated() {
            if (get() == null) {
                set(GraphTheme.LIGHT);
                return;
            }
            requestRedraw();
        }
    };
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onFrame(now);
        }
    };
    private final Runnable drawAfterLayout = this::drawIfDirty;

    private InstantSource clock = InstantSource.system();
    private GraphLayout layout = GraphLayouts.compute(GraphModel.empty(), LayoutMode.BY_ROLE);
    private Viewport viewport = Viewport.IDENTITY;
    private int selectedIndex = -1;
    /** Until the operator moves the view, it keeps the whole graph in sight as members come and go. */
    private boolean operatorMoved;
    private boolean dirty;
    private boolean timerRunning;
    private boolean pulsedLastFrame;
    private boolean drewAFrame;
    private long lastFrameDrawn;
    /** The pulse time the frame timer saw last; rings are paced on it. */
    private long frameNanos = System.nanoTime();
    private Viewport glideFrom;
    private Viewport glideTo;
    private long glideStart = -1;
    private double pressX;
    private double pressY;
    private GraphHit tooltipHit;
    private boolean tooltipInstalled;
    private long framesDrawn;
    private long lastDrawNanos;

    public ClusterGraphView() {
        this(RolePalette.defaultPalette());
    }

    public ClusterGraphView(RolePalette palette) {
        this.renderer = new GraphRenderer(Objects.requireNonNull(palette, "palette"));
        getStyleClass().add("cluster-graph");
        getChildren().add(canvas);
        canvas.setManaged(false);
        setFocusTraversable(true);
        tooltip.setShowDelay(Duration.millis(300));
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> updateTooltip(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> updateTooltip(Double.NaN, Double.NaN));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        sceneProperty().addListener((o, previous, next) -> {
            if (previous != null) {
                previous.removePostLayoutPulseListener(drawAfterLayout);
            }
            if (next != null) {
                next.addPostLayoutPulseListener(drawAfterLayout);
            }
        });
    }

    // ---- model

    /** Shows {@code next}. Cheap enough to call once per pulse; the layout is reused when it still fits. */
    public void setModel(GraphModel next) {
        Objects.requireNonNull(next, "graph model");
        GraphModel previous = model.get();
        boolean relayout = !next.sameLayoutInputs(previous);
        if (relayout) {
            // before the model is published, so listeners (the legend) see the new colours and positions
            renderer.useRoles(next.roles());
            layout = GraphLayouts.compute(next, getLayoutMode());
        }
        model.set(next);
        if (relayout && !operatorMoved) {
            fitNow();
        }
        refreshSelection();
        pulses.rebuild(previous, next, clock.millis());
        tooltipHit = null;
        requestRedraw();
    }

    public GraphModel getModel() {
        return model.get();
    }

    public ReadOnlyObjectProperty<GraphModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ObjectProperty<LayoutMode> layoutModeProperty() {
        return layoutMode;
    }

    public LayoutMode getLayoutMode() {
        return layoutMode.get();
    }

    public void setLayoutMode(LayoutMode mode) {
        layoutMode.set(mode);
    }

    public ObjectProperty<GraphTheme> themeProperty() {
        return theme;
    }

    public GraphTheme getTheme() {
        return theme.get();
    }

    public void setTheme(GraphTheme value) {
        theme.set(value);
    }

    /**
     * The colour of each role on the graph now; the legend and any other role chips should use these so they
     * match the graph (see {@link RolePalette#assign}).
     */
    public Map<String, Color> roleColours() {
        return renderer.roleColours();
    }

    /** The colour the graph draws {@code role} in. */
    public Color colourOf(String role) {
        return role == null || role.isEmpty() ? RolePalette.NO_ROLE : renderer.colourOf(role);
    }

    /** The current layout (positions in world units), for overlays and tests. */
    public GraphLayout getGraphLayout() {
        return layout;
    }

    // ---- selection and search

    /** The member the operator clicked or searched for; null when none. Follows model updates by name. */
    public ReadOnlyObjectProperty<GraphMember> selectedMemberProperty() {
        return selectedMember.getReadOnlyProperty();
    }

    public GraphMember getSelectedMember() {
        return selectedMember.get();
    }

    /** Selects the member named {@code name}; false (and nothing selected) when there is none. */
    public boolean select(String name) {
        int index = name == null ? -1 : getModel().indexOf(name);
        selectedIndex = index;
        selectedMember.set(index < 0 ? null : getModel().members().get(index));
        requestRedraw();
        return index >= 0;
    }

    public void clearSelection() {
        select(null);
    }

    /** Members matching a search box's text, best first (see {@link GraphModel#find(String, int)}). */
    public List<GraphMember> findMembers(String query, int limit) {
        return getModel().find(query, limit);
    }

    /** The best match for a search box's text. */
    public Optional<GraphMember> findMember(String query) {
        return getModel().findFirst(query);
    }

    // ---- moving the view

    public Viewport getViewport() {
        return viewport;
    }

    /** Moves the view to {@code target} at once (to restore a remembered view, or to script one). */
    public void setViewport(Viewport target) {
        operatorMoved = true;
        stopGlide();
        viewport = Objects.requireNonNull(target, "viewport");
        requestRedraw();
    }

    /** Shows the whole graph, and keeps doing so as members come and go until the operator moves the view. */
    public void zoomToFit() {
        operatorMoved = false;
        glideTo(fitViewport(canvas.getWidth(), canvas.getHeight()));
    }

    /**
     * Glides to the member named {@code name} (zooming in until names are readable) and selects it.
     *
     * @return false when no member has that name (nothing changes then)
     */
    public boolean centreOn(String name) {
        int index = name == null ? -1 : getModel().indexOf(name);
        if (index < 0) {
            return false;
        }
        operatorMoved = true;
        select(name);
        double scale = Math.max(viewport.scale(), READABLE_SCALE);
        glideTo(Viewport.centredOn(layout.x(index), layout.y(index), scale, canvas.getWidth(), canvas.getHeight()));
        return true;
    }

    /** Zooms by {@code factor} around the point ({@code x}, {@code y}) of the view. */
    public void zoomAt(double factor, double x, double y) {
        operatorMoved = true;
        stopGlide();
        viewport = viewport.zoomAround(factor, x, y);
        requestRedraw();
    }

    /** Zooms by {@code factor} around the centre of the view. */
    public void zoomBy(double factor) {
        zoomAt(factor, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Moves the graph by ({@code dx}, {@code dy}) pixels. */
    public void panBy(double dx, double dy) {
        operatorMoved = true;
        stopGlide();
        viewport = viewport.panBy(dx, dy);
        requestRedraw();
    }

    /** Where the member's centre is in this view's coordinates, if it exists (it may be outside the view). */
    public Optional<Point2D> positionOf(String name) {
        int index = getModel().indexOf(name);
        if (index < 0 || index >= layout.size()) {
            return Optional.empty();
        }
        return Optional.of(new Point2D(viewport.toScreenX(layout.x(index)), viewport.toScreenY(layout.y(index))));
    }

    /** What lies at the point ({@code x}, {@code y}) of this view. */
    public Optional<GraphHit> hitAt(double x, double y) {
        return Optional.ofNullable(GraphHit.find(getModel(), layout, viewport, x, y));
    }

    // ---- export

    /** Writes what the view shows now, at its size, as a PNG. */
    public void writePng(Path file) throws IOException {
        requireFxThread();
        if (dirty) {
            draw(clock.millis());
        }
        writeImage(canvas.snapshot(null, null), file);
    }

    /** Writes the whole graph, fitted into {@code width x height} pixels, as a PNG; the view itself does not move. */
    public void writePng(Path file, int width, int height) throws IOException {
        requireFxThread();
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("graph PNG: width and height must be positive, were "
                    + width + " x " + height);
        }
        Canvas offscreen = new Canvas(width, height);
        renderer.draw(offscreen.getGraphicsContext2D(), width, height, getModel(), layout,
                fitViewport(width, height), getTheme(), selectedIndex, pulses, clock.millis());
        writeImage(offscreen.snapshot(null, null), file);
    }

    private static void writeImage(WritableImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("graph PNG: no PNG writer available for " + file);
        }
    }

    /** How long issuing the last frame's drawing commands took on the JavaFX thread (rasterising comes later). */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** How many frames were drawn since the view was made; draws happen only on change or animation. */
    public long framesDrawn() {
        return framesDrawn;
    }

    /** True while the frame timer runs (a redraw pending, a pulse or a glide in progress). */
    public boolean isAnimating() {
        return timerRunning;
    }

    void setClock(InstantSource source) {
        clock = Objects.requireNonNull(source, "clock");
    }

    // ---- layout of the region

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (!operatorMoved) {
                fitNow();
            }
            requestRedraw();
        }
        canvas.relocate(0, 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 40;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 40;
    }

    // ---- frames

    private void requestRedraw() {
        dirty = true;
        startTimer();
    }

    private void startTimer() {
        if (!timerRunning) {
            timerRunning = true;
            timer.start();
        }
    }

    private void onFrame(long now) {
        long wall = clock.millis();
        boolean gliding = false;
        if (glideTo != null) {
            if (glideStart < 0) {
                glideStart = now;
            }
            double t = (now - glideStart) / (double) GLIDE_NANOS;
            if (t >= 1) {
                viewport = glideTo;
                stopGlide();
            } else {
                double eased = 1 - Math.pow(1 - t, 3);
                viewport = glideFrom.interpolate(glideTo, eased, canvas.getWidth(), canvas.getHeight());
                gliding = true;
            }
            dirty = true;
        }
        boolean pulsing = pulses.prune(wall);
        boolean ringsDue = !drewAFrame || now - lastFrameDrawn >= RING_FRAME_NANOS;
        if (pulsing ? ringsDue : pulsedLastFrame) {
            // rings move on, or the last ones are erased
            dirty = true;
        }
        pulsedLastFrame = pulsing;
        frameNanos = now;
        if (getScene() == null) {
            // no layout pass to draw after: draw now (the view is not shown, but its image may be asked for)
            drawIfDirty();
        }
        if (!gliding && !pulsing) {
            timer.stop();
            timerRunning = false;
        }
    }

    private void drawIfDirty() {
        if (dirty) {
            draw(clock.millis());
            drewAFrame = true;
            lastFrameDrawn = frameNanos;
        }
    }

    private void draw(long wallMillis) {
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        long start = System.nanoTime();
        renderer.draw(canvas.getGraphicsContext2D(), w, h, getModel(), layout, viewport, getTheme(),
                selectedIndex, pulses, wallMillis);
        lastDrawNanos = System.nanoTime() - start;
        framesDrawn++;
    }

    private void glideTo(Viewport target) {
        glideFrom = viewport;
        glideTo = target;
        glideStart = -1;
        requestRedraw();
    }

    private void stopGlide() {
        glideFrom = null;
        glideTo = null;
        glideStart = -1;
    }

    private void fitNow() {
        stopGlide();
        viewport = fitViewport(canvas.getWidth(), canvas.getHeight());
    }

    private Viewport fitViewport(double width, double height) {
        if (width <= 0 || height <= 0) {
            return viewport;
        }
        return Viewport.fit(layout.minX(), layout.minY(), layout.maxX(), layout.maxY(), width, height, FIT_PADDING);
    }

    private void relayout() {
        layout = GraphLayouts.compute(getModel(), getLayoutMode());
        if (!operatorMoved) {
            fitNow();
        }
        tooltipHit = null;
        requestRedraw();
    }

    private void refreshSelection() {
        GraphMember selected = selectedMember.get();
        if (selected == null) {
            selectedIndex = -1;
            return;
        }
        int index = getModel().indexOf(selected.name());
        selectedIndex = index;
        selectedMember.set(index < 0 ? null : getModel().members().get(index));
    }

    // ---- input

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(Math.pow(1.1, e.getDeltaY() / 40), e.getX(), e.getY());
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        requestFocus();
    }

    private void onDragged(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            panBy(e.getX() - pressX, e.getY() - pressY);
            pressX = e.getX();
            pressY = e.getY();
            updateTooltip(Double.NaN, Double.NaN);
        }
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        GraphHit hit = GraphHit.find(getModel(), layout, viewport, e.getX(), e.getY());
        if (hit == null) {
            clearSelection();
            return;
        }
        String name = getModel().members().get(hit.member()).name();
        if (e.getClickCount() >= 2) {
            centreOn(name);
        } else {
            select(name);
        }
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> zoomBy(KEY_ZOOM);
            case MINUS, SUBTRACT -> zoomBy(1 / KEY_ZOOM);
            case DIGIT0, NUMPAD0 -> zoomToFit();
            case LEFT -> panBy(KEY_PAN, 0);
            case RIGHT -> panBy(-KEY_PAN, 0);
            case UP -> panBy(0, KEY_PAN);
            case DOWN -> panBy(0, -KEY_PAN);
            case ESCAPE -> clearSelection();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void updateTooltip(double x, double y) {
        GraphHit hit = Double.isNaN(x) ? null : GraphHit.find(getModel(), layout, viewport, x, y);
        if (Objects.equals(hit, tooltipHit)) {
            return;
        }
        tooltipHit = hit;
        if (hit == null) {
            tooltip.hide();
            if (tooltipInstalled) {
                Tooltip.uninstall(this, tooltip);
                tooltipInstalled = false;
            }
            return;
        }
        tooltip.setText(tooltipText(hit));
        if (!tooltipInstalled) {
            Tooltip.install(this, tooltip);
            tooltipInstalled = true;
        }
    }

    /** The tooltip's text for what lies at ({@code x}, {@code y}), or null when nothing is there. */
    public String tooltipTextAt(double x, double y) {
        return hitAt(x, y).map(this::tooltipText).orElse(null);
    }

    private String tooltipText(GraphHit hit) {
        GraphMember m = getModel().members().get(hit.member());
        if (hit.isChild()) {
            GraphChild child = m.children().get(hit.child());
            StringBuilder text = new StringBuilder(m.name()).append(" / ").append(child.name())
                    .append('\n').append(child.state());
            if (child.changedAt().toEpochMilli() > 0) {
                text.append(" since ").append(TIME.format(child.changedAt()));
            }
            return text.toString();
        }
        StringBuilder text = new StringBuilder(m.name());
        if (!m.address().isEmpty()) {
            text.append('\n').append(m.address());
        }
        text.append('\n').append(m.roles().isEmpty() ? "no role" : "roles: " + String.join(", ", m.roles()));
        text.append('\n').append("status: ").append(m.status().serfName());
        if (!m.children().isEmpty()) {
            String loud = m.children().stream().map(GraphChild::state).filter(s -> s != SupervisorState.RUNNING)
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting())).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(en -> en.getValue() + " " + en.getKey()).collect(Collectors.joining(", "));
            text.append('\n').append(m.children().size()).append(m.children().size() == 1 ? " child" : " children");
            if (!loud.isEmpty()) {
                text.append(" (").append(loud).append(')');
            }
        }
        return text.toString();
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the cluster graph must be used on the JavaFX application thread, not "
                    + Thread.currentThread().getName());
        }
    }
}
