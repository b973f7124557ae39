package io.serfnode.agent.api.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code /v1/cluster} endpoint: one {@link ApiSession} per connection. Public only because Tyrus calls
 * its methods reflectively; it is made by {@link WsServer#start}.
 */
public final class ClusterEndpoint extends Endpoint {
    private final ApiContext context;
    private final ConnectionWriters writers;
    private final Map<String, ApiSession> sessions = new ConcurrentHashMap<>();

    ClusterEndpoint(ApiContext context, ConnectionWriters writers) {
        this.context = context;
        this.writers = writers;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        int maxFrame = context.limits().maxFrameBytes();
        session.setMaxTextMessageBufferSize(maxFrame);
        session.setMaxBinaryMessageBufferSize(maxFrame);
        ApiSession api = new ApiSession(context, new TyrusConnection(session, writers));
        sessions.put(session.getId(), api);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) api::onText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes -> api.onBinary());
        context.log().debug("client %s connected", api.remoteAddress());
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        ApiSession api = sessions.remove(session.getId());
        if (api != null) {
            api.onClosed();
            context.log().debug("client %s disconnected: %s %s", api.remoteAddress(),
                    reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        ApiSession api = sessions.get(session.getId());
        context.log().debug("connection of client %s failed: %s", api == null ? "?" : api.remoteAddress(),
                failure.toString());
    }

    /** Every connected client, for closing them all. */
    List<ApiSession> sessions() {
        return List.copyOf(sessions.values());
    }
}
