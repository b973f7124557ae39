package io.serfnode.agent.devif;

import io.serfnode.model.Member;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional serf tags the developer interface reads, with the names the original Serfnode used. Every
 * one may be missing or malformed (a plain serf member has no tags at all, another tool may set the same
 * names differently): a value that cannot be read counts as absent and never breaks the files.
 */
public final class DeveloperTags {
    /** The address services of the member listen on, when it differs from the gossip address. */
    public static final String SERVICE_IP = "service";
    /** The main service port of the member. */
    public static final String SERVICE_PORT = "service_port";
    /**
     * When the member started: seconds since the epoch, possibly with a fraction (as the original wrote
     * it), or an ISO-8601 instant.
     */
    public static final String STARTED = "timestamp";
    /** Published ports in the original's compact form: {@code 80t8080,8081|53u5353}. */
    public static final String PORTS = "ports";

    /** Loose on purpose: enough to keep words and spaces out of a hosts line, not a full address parser. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    private static final Pattern PORT_MAPPING = Pattern.compile("(\\d{1,5})([tu])(\\d{1,5}(?:,\\d{1,5})*)");

    private DeveloperTags() {
    }

    /** The service address: the {@code service} tag when it holds an IP address, else the gossip address. */
    public static String serviceIp(Member member) {
        String tagged = member.tags().get(SERVICE_IP);
        if (tagged != null && IP_LITERAL.matcher(tagged.trim()).matches()) {
            return tagged.trim();
        }
        return member.address();
    }

    /** The {@code service_port} tag, when it holds a port number. */
    public static OptionalInt servicePort(Member member) {
        String tagged = member.tags().get(SERVICE_PORT);
        if (tagged == null) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(tagged.trim());
            return port >= 0 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }

    /** The start time from the {@code timestamp} tag, when it holds one. */
    public static Optional<Instant> startedAt(Member member) {
        String tagged = member.tags().get(STARTED);
        if (tagged == null || tagged.isBlank()) {
            return Optional.empty();
        }
        String text = tagged.trim();
        try {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.scale() > 18 || seconds.precision() - seconds.scale() > 18) {
                return Optional.empty(); // absurd, and costly to scale
            }
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).longValue();
            return Optional.of(Instant.ofEpochSecond(whole.longValueExact(), nanos));
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException notSeconds) {
            // not a number: maybe an ISO-8601 instant
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    /**
     * The published ports from the {@code ports} tag, as the original decoded them: {@code "80/tcp"} to the
     * list of host ports. Mappings that cannot be read are left out.
     */
    public static Map<String, List<String>> ports(Member member) {
        Map<String, List<String>> ports = new TreeMap<>();
        String tagged = member.tags().get(PORTS);
        if (tagged == null) {
            return ports;
        }
        for (String mapping : tagged.split("\\|")) {
            Matcher matcher = PORT_MAPPING.matcher(mapping.trim());
            if (matcher.matches()) {
                String protocol = matcher.group(2).equals("t") ? "tcp" : "udp";
                ports.put(matcher.group(1) + "/" + protocol, new ArrayList<>(List.of(matcher.group(3).split(","))));
            }
        }
        return ports;
    }
}
