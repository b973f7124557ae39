package io.serfnode.console.view;

import io.serfnode.console.viewmodel.MainViewModel;
import io.serfnode.console.viewmodel.Notification;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Shows the view model's notifications as ControlsFX pop-ups in the window's corner. */
public final class NotificationPresenter {

    private NotificationPresenter() {
    }

    public static void attach(MainViewModel model, Window owner) {
        model.notifications().addListener((ListChangeListener<Notification>) change -> {
            while (change.next()) {
                for (Notification notification : change.getAddedSubList()) {
                    show(owner, notification);
                }
            }
        });
    }

    private static void show(Window owner, Notification notification) {
        Notifications popup = Notifications.create()
                .owner(owner)
                .title(notification.title())
                .text(notification.text())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(notification.severity() == Notification.Severity.ERROR ? 12 : 6));
        switch (notification.severity()) {
            case ERROR -> popup.showError();
            case WARNING -> popup.showWarning();
            case INFO -> popup.showInformation();
        }
    }
}
