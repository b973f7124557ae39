package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisedChild;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The payloads of {@code serfnode.children}: the request names the first child wanted, the answer packs as
 * many children from there as fit one query response (checked with {@link SerfLimits}'s exact size of the
 * response message, responder name included) and says where the next page starts.
 *
 * <p>A child's summary is shortened to {@value #MAX_SUMMARY_BYTES} bytes (ending in …) in answers. With
 * member and child names within {@link ClusterNames#MAX_NAME_BYTES}, every child fits a page of its own
 * under the default limit of 1024 bytes, so paging always moves on.
 */
public final class ChildrenQueryCodec {
    public static final int VERSION = 1;
    /** The longest child summary an answer carries, in JSON-encoded bytes. */
    public static final int MAX_SUMMARY_BYTES = 256;
    private static final String ELLIPSIS = "…";

    private final SerfLimits limits;

    public ChildrenQueryCodec(SerfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static ChildrenQueryCodec withDefaultLimits() {
        return new ChildrenQueryCodec(SerfLimits.DEFAULTS);
    }

    public byte[] encodeRequest(int from) {
        if (from < 0) {
            throw new IllegalArgumentException("the first child of a page must be at index 0 or later, was " + from);
        }
        return write(new ChildrenQueryRequest(VERSION, from));
    }

    /** The index of the first child the request wants. */
    public int decodeRequest(byte[] payload) {
        ChildrenQueryRequest request = read(payload, ChildrenQueryRequest.class, "request");
        if (request.version() != VERSION) {
            throw new ClusterPayloadException(ClusterNames.CHILDREN_QUERY + " request version " + request.version()
                    + " is not the version this agent answers (" + VERSION + ")");
        }
        if (request.from() < 0) {
            throw new ClusterPayloadException(ClusterNames.CHILDREN_QUERY + " request: index 'i' must not be "
                    + "negative, was " + request.from());
        }
        return request.from();
    }

    /**
     * The answer page that starts at {@code from}.
     *
     * @param responder  this member's node name, which serf puts into the response
     * @param queryLtime the query's Lamport time (negative when unknown: the largest is assumed)
     * @param counter    this member's transition counter, read before {@code children}
     */
    public byte[] encodePage(String responder, long queryLtime, long counter, List<SupervisedChild> children,
                             int from) {
        int total = children.size();
        int start = Math.min(Math.max(from, 0), total);
        List<ChildEntry> packed = new ArrayList<>();
        int index = start;
        while (index < total) {
            ChildEntry entry = entryOf(children.get(index));
            if (!fits(responder, queryLtime, new ChildrenPage(VERSION, counter, total, start, total,
                    append(packed, entry)))) {
                if (!packed.isEmpty()) {
                    break;
                }
                entry = entry.withoutContainerId().withSummary(null);
                if (!fits(responder, queryLtime, new ChildrenPage(VERSION, counter, total, start, total,
                        List.of(entry)))) {
                    throw new IllegalStateException("child '" + ClusterNames.shorten(entry.name())
                            + "' does not fit one " + ClusterNames.CHILDREN_QUERY + " response of "
                            + limits.queryResponseSizeLimit() + " bytes even without its summary");
                }
            }
            packed.add(entry);
            index++;
        }
        byte[] payload = write(new ChildrenPage(VERSION, counter, total, start, index < total ? index : null,
                packed));
        limits.checkQueryResponse(queryLtime, responder, payload);
        return payload;
    }

    /**
     * Reads the page {@code member} answered.
     *
     * @throws ClusterPayloadException naming what is wrong, for anything but a valid page of this version
     */
    public ChildrenPageAnswer decodePage(String member, byte[] payload) {
        ChildrenPage page = read(payload, ChildrenPage.class, "answer of " + member);
        String where = ClusterNames.CHILDREN_QUERY + " answer of " + member;
        if (page.version() != VERSION) {
            throw new ClusterPayloadException(where + ": version " + page.version()
                    + " is not the version this agent reads (" + VERSION + ")");
        }
        if (page.total() < 0 || page.from() < 0 || page.counter() < 0) {
            throw new ClusterPayloadException(where + ": counter, total and index must not be negative");
        }
        int end = page.from() + page.children().size();
        if (end > page.total()) {
            throw new ClusterPayloadException(where + ": children " + page.from() + ".." + (end - 1)
                    + " go past the total of " + page.total());
        }
        if (page.next() != null && (page.next() != end || end >= page.total())) {
            throw new ClusterPayloadException(where + ": next index " + page.next() + " does not follow the "
                    + page.children().size() + " children from index " + page.from() + " of " + page.total());
        }
        if (page.next() == null && end < page.total() && !page.children().isEmpty()) {
            throw new ClusterPayloadException(where + ": last page ends at child " + end + " of " + page.total());
        }
        List<KnownChild> children = new ArrayList<>();
        for (int i = 0; i < page.children().size(); i++) {
            ChildEntry entry = page.children().get(i);
            if (entry == null) {
                throw new ClusterPayloadException(where + ": child " + (page.from() + i) + " is null");
            }
            try {
                ChildStatus status = new ChildStatus(entry.state(), Instant.ofEpochMilli(entry.since()), entry.pid(),
                        entry.containerId(), entry.exitCode(), orZero(entry.attempt()), orZero(entry.restarts()),
                        entry.counter());
                if (entry.name() == null || entry.name().isBlank()) {
                    throw new IllegalArgumentException("n: must not be blank");
                }
                children.add(new KnownChild(entry.name(), entry.runtime(), entry.summary(), status));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new ClusterPayloadException(where + ": child " + (page.from() + i) + ": " + e.getMessage(), e);
            }
        }
        OptionalInt next = page.next() == null ? OptionalInt.empty() : OptionalInt.of(page.next());
        return new ChildrenPageAnswer(member, page.counter(), page.total(), page.from(), next, children);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ChildEntry entryOf(SupervisedChild supervised) {
        Child child = supervised.child();
        ChildStatus status = supervised.status();
        return new ChildEntry(child.name(), child.runtime(), shortened(child.summary()), status.state(),
                status.since().toEpochMilli(), status.pid(), status.containerId(), status.exitCode(), status.attempt(),
                status.restarts(), status.counter());
    }

    /** The summary within {@link #MAX_SUMMARY_BYTES}, cut at a character and marked with an ellipsis. */
    static String shortened(String summary) {
        if (summary == null || ClusterNames.jsonBytes(summary) <= MAX_SUMMARY_BYTES) {
            return summary;
        }
        int low = 0;
        int high = summary.codePointCount(0, summary.length());
        while (low < high) {
            int mid = (low + high + 1) / 2;
            String candidate = summary.substring(0, summary.offsetByCodePoints(0, mid)) + ELLIPSIS;
            if (ClusterNames.jsonBytes(candidate) <= MAX_SUMMARY_BYTES) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return summary.substring(0, summary.offsetByCodePoints(0, low)) + ELLIPSIS;
    }

    private boolean fits(String responder, long queryLtime, ChildrenPage page) {
        return SerfLimits.encodedQueryResponseSize(queryLtime, responder, write(page))
                <= limits.queryResponseSizeLimit();
    }

    private static List<ChildEntry> append(List<ChildEntry> entries, ChildEntry entry) {
        List<ChildEntry> more = new ArrayList<>(entries);
        more.add(entry);
        return more;
    }

    private static <T> T read(byte[] payload, Class<T> type, String what) {
        return ClusterJson.read(payload, type, ClusterNames.CHILDREN_QUERY, what);
    }

    private static byte[] write(Object value) {
        return ClusterJson.write(value);
    }
}
