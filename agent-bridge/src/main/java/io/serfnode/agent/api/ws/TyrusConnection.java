package io.serfnode.agent.api.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import org.glassfish.tyrus.core.TyrusSession;

/** A client connection on a Tyrus session. */
final class TyrusConnection implements ClientConnection {
    private final Session session;
    private final String remoteAddress;
    // null when frames made once for every client cannot go out on this connection as they are
    private final GatheringWriter sharedFrames;

    TyrusConnection(Session session, ConnectionWriters writers) {
        this.session = session;
        // TyrusUpgradeFilter put the client's host:port there
        this.remoteAddress = session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null
                ? tyrus.getRemoteAddr() : "unknown";
        GatheringWriter writer = writers.take(remoteAddress).orElse(null);
        // an extension (compression, say) would change each frame on its way out
        this.sharedFrames = session.getNegotiatedExtensions().isEmpty() ? writer : null;
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
    public void send(String text, byte[] frame) throws IOException {
        if (sharedFrames == null) {
            send(text);
        } else if (!session.isOpen()) {
            throw new IOException("the connection to " + remoteAddress + " is closed");
        } else {
            sharedFrames.writeGathered(frame);
        }
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
