package io.serfnode.bench.console;

import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import io.serfnode.console.app.ConsoleStage;
import io.serfnode.console.graph.GraphMember;
import io.serfnode.console.state.MemberView;
import io.serfnode.model.MemberStatus;
import java.util.Optional;
import java.util.Set;

/**
 * Stops the clock when a new member is shown alive: at the end of every FX pulse (a post-scene pulse listener,
 * after the console's per-pulse update batch, CSS, layout and the scene sync) it looks for a member that was not
 * in the cluster at the click and that the view model has {@code alive}, then for the pulse at which the graph
 * has it alive and has drawn that model. {@link #install} and {@link #arm} on the FX thread (before each click);
 * the results may be read from any thread.
 */
final class AliveProbe {
    private final ConsoleStage console;
    // the toolkit keeps pulse listeners in a weak map: hold on to ours
    private final TKPulseListener listener = this::pulseEnded;
    private Set<String> known = Set.of();
    private boolean armed;
    // written on the FX thread, read by the harness without a trip through the FX queue (which would add work there)
    private volatile String member;
    private volatile long inModelNanos;
    private volatile long shownNanos;

    AliveProbe(ConsoleStage console) {
        this.console = console;
    }

    void install() {
        Toolkit.getToolkit().addPostSceneTkPulseListener(listener);
    }

    void uninstall() {
        Toolkit.getToolkit().removePostSceneTkPulseListener(listener);
    }

    /** Watches for a member not among {@code before} (the names the console had at the click). */
    void arm(Set<String> before) {
        known = Set.copyOf(before);
        member = null;
        inModelNanos = 0;
        shownNanos = 0;
        armed = true;
    }

    /** The new member, when the view model has had one alive. */
    Optional<String> member() {
        return Optional.ofNullable(member);
    }

    /** End of the pulse at which the view model first had it alive; 0 before. */
    long inModelNanos() {
        return inModelNanos;
    }

    /** End of the pulse at which the graph had drawn it alive; 0 before. */
    long shownNanos() {
        return shownNanos;
    }

    private void pulseEnded() {
        if (!armed) {
            return;
        }
        long now = System.nanoTime();
        if (member == null) {
            for (String name : console.model().clusterState().memberNames()) {
                if (!known.contains(name) && console.model().clusterState().member(name).map(MemberView::member)
                        .filter(m -> m.status() == MemberStatus.ALIVE).isPresent()) {
                    member = name;
                    inModelNanos = now;
                    break;
                }
            }
        }
        if (member != null && shownNanos == 0) {
            Optional<GraphMember> drawn = console.window().overviewPane().graphModel().member(member);
            if (drawn.isPresent() && drawn.get().status() == MemberStatus.ALIVE
                    && console.window().overviewPane().drawnLatest()) {
                shownNanos = now;
                armed = false;
            }
        }
    }
}
