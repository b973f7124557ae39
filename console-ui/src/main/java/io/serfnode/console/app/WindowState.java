package io.serfnode.console.app;

/**
 * How the main window looked when it was closed.
 *
 * @param x          left edge, or NaN to let the system place it
 * @param y          top edge, or NaN
 * @param width      width
 * @param height     height
 * @param maximized  whether it filled the screen
 * @param dark       whether the dark theme was on
 * @param overviewDivider  position of the divider between overview and member detail
 * @param eventsDivider    position of the divider above the event table
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, boolean dark,
                          double overviewDivider, double eventsDivider) {

    public static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 1280, 820, false, false, 0.58, 0.62);

    public WindowState withBounds(double newX, double newY, double newWidth, double newHeight) {
        return new WindowState(newX, newY, newWidth, newHeight, maximized, dark, overviewDivider, eventsDivider);
    }

    public WindowState withMaximized(boolean newMaximized) {
        return new WindowState(x, y, width, height, newMaximized, dark, overviewDivider, eventsDivider);
    }

    public WindowState withDark(boolean newDark) {
        return new WindowState(x, y, width, height, maximized, newDark, overviewDivider, eventsDivider);
    }

    public WindowState withDividers(double overview, double events) {
        return new WindowState(x, y, width, height, maximized, dark, overview, events);
    }
}
