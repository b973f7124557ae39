package io.serfnode.agent.api.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import org.glassfish.tyrus.core.TyrusSession;

/** A client connection on a Tyrus session. */
final class TyrusConnection implements ClientConnection {
    private final Session session;
    private final String remoteAddress;

    TyrusConnection(Session session) {
        this.session = session;
        // TyrusUpgradeFilter put the client's host:port there
        this.remoteAddress = session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null
                ? tyrus.getRemoteAddr() : "unknown";
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public void send(String text) throws IOException {
        GatheringWriter.gather();
        session.getBasicRemote().sendText(text);
    }

    @Override
    public void flush() throws IOException {
        GatheringWriter.flush();
    }

    @Override
    public void close(int code, String reason) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | IllegalStateException alreadyGone) {
            // the client went away first: nothing left to close
        }
    }
}
