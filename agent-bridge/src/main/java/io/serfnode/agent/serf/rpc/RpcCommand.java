package io.serfnode.agent.serf.rpc;

/** The commands of Serf's RPC protocol, IPC version 1, with the shape of their replies. */
enum RpcCommand {
    HANDSHAKE("handshake", Reply.HEADER),
    AUTH("auth", Reply.HEADER),
    EVENT("event", Reply.HEADER),
    FORCE_LEAVE("force-leave", Reply.HEADER),
    JOIN("join", Reply.BODY_EVEN_ON_ERROR),
    MEMBERS("members", Reply.BODY),
    MEMBERS_FILTERED("members-filtered", Reply.BODY),
    TAGS("tags", Reply.HEADER),
    STREAM("stream", Reply.STREAM),
    MONITOR("monitor", Reply.STREAM),
    STOP("stop", Reply.HEADER),
    LEAVE("leave", Reply.HEADER),
    QUERY("query", Reply.STREAM),
    RESPOND("respond", Reply.HEADER),
    INSTALL_KEY("install-key", Reply.BODY_EVEN_ON_ERROR),
    USE_KEY("use-key", Reply.BODY_EVEN_ON_ERROR),
    REMOVE_KEY("remove-key", Reply.BODY_EVEN_ON_ERROR),
    LIST_KEYS("list-keys", Reply.BODY_EVEN_ON_ERROR),
    STATS("stats", Reply.BODY),
    GET_COORDINATE("get-coordinate", Reply.BODY);

    /** What follows the header of a reply. */
    enum Reply {
        /** Nothing. */
        HEADER,
        /** A body, unless the header carries an error. */
        BODY,
        /** A body, also when the header carries an error (the body then explains it). */
        BODY_EVEN_ON_ERROR,
        /** Nothing (an acknowledgement); then records, each a header and a body, under the same seq. */
        STREAM
    }

    /** Errors Serf sends before even reading the command, always without a body. */
    static boolean isHeaderOnlyError(String error) {
        return "Authentication required".equals(error)
                || "Handshake required".equals(error)
                || "Unsupported command".equals(error);
    }

    private final String wireName;
    private final Reply reply;

    RpcCommand(String wireName, Reply reply) {
        this.wireName = wireName;
        this.reply = reply;
    }

    String wireName() {
        return wireName;
    }

    Reply reply() {
        return reply;
    }

    /** Whether a body follows a reply header that carries {@code error} (empty for none). */
    boolean bodyFollows(String error) {
        return switch (reply) {
            case HEADER, STREAM -> false;
            case BODY -> error.isEmpty();
            case BODY_EVEN_ON_ERROR -> !isHeaderOnlyError(error);
        };
    }
}
