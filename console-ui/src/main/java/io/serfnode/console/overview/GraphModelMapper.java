package io.serfnode.console.overview;

import io.serfnode.console.graph.GraphChild;
import io.serfnode.console.graph.GraphMember;
import io.serfnode.console.graph.GraphModel;
import io.serfnode.console.state.ChildView;
import io.serfnode.console.state.MemberView;
import io.serfnode.model.Member;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the view model's members into the graph's immutable model, once per pulse. A member whose view did not
 * change since the last call (the state hands out the same {@link MemberView} object) keeps its
 * {@link GraphMember}, so a pulse with a few touched members costs a few objects, not a cluster's worth.
 * Not thread-safe: one mapper per graph, used on the thread that refreshes the view model.
 */
public final class GraphModelMapper {
    private Map<MemberView, GraphMember> previous = new IdentityHashMap<>();
    /**
     * The graph member last made for each {@link Member} record: a member whose children changed keeps its
     * record, so its roles (parsed from the tag) and address are reused rather than made again each time.
     */
    private Map<Member, GraphMember> byMember = new IdentityHashMap<>();

    public GraphModel map(List<MemberView> members) {
        Map<MemberView, GraphMember> current = new IdentityHashMap<>(members.size() * 2);
        Map<Member, GraphMember> currentByMember = new IdentityHashMap<>(members.size() * 2);
        List<GraphMember> graph = new ArrayList<>(members.size());
        for (MemberView member : members) {
            GraphMember mapped = previous.get(member);
            if (mapped == null) {
                mapped = toGraph(member, byMember.get(member.member()));
            }
            current.put(member, mapped);
            currentByMember.put(member.member(), mapped);
            graph.add(mapped);
        }
        previous = current;
        byMember = currentByMember;
        return GraphModel.of(graph);
    }

    private static GraphMember toGraph(MemberView view, GraphMember sameMember) {
        List<GraphChild> children = new ArrayList<>(view.children().size());
        for (ChildView child : view.children()) {
            children.add(new GraphChild(child.name(), child.status().state(), child.status().since()));
        }
        if (sameMember != null) {
            return new GraphMember(view.name(), sameMember.address(), sameMember.roles(), view.member().status(),
                    children);
        }
        String host = view.member().address();
        String address = view.member().port() == 0 ? host
                : (host.contains(":") ? "[" + host + "]" : host) + ":" + view.member().port();
        return new GraphMember(view.name(), address, view.member().roles(), view.member().status(), children);
    }
}
