package io.serfnode.agent.api.ws;

import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.memory.ByteBufferArray;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyWriter;
import org.glassfish.tyrus.container.grizzly.client.TaskProcessor;
import org.glassfish.tyrus.core.CloseReasons;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.core.TyrusUpgradeResponse;
import org.glassfish.tyrus.core.Utils;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Hands WebSocket upgrade requests and the frames that follow from a Grizzly listener to Tyrus' engine.
 * Tyrus' own standalone container cannot do this for us: it always binds every interface and has no TLS.
 * Requests that are not upgrades pass on to Grizzly's HTTP server (which answers 404).
 */
final class TyrusUpgradeFilter extends BaseFilter {
    private static final Attribute<org.glassfish.tyrus.spi.Connection> TYRUS_CONNECTION =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TyrusUpgradeFilter.class.getName() + ".connection");
    // frames of one connection reach Tyrus in order, whichever worker thread read them
    private static final Attribute<TaskProcessor> IN_ORDER =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TyrusUpgradeFilter.class.getName() + ".inOrder");

    private final WebSocketEngine engine;
    private final ConnectionWriters writers;

    TyrusUpgradeFilter(WebSocketEngine engine, ConnectionWriters writers) {
        this.engine = engine;
        this.writers = writers;
    }

    @Override
    public NextAction handleRead(FilterChainContext context) throws IOException {
        HttpContent message = context.getMessage();
        org.glassfish.tyrus.spi.Connection webSocket = TYRUS_CONNECTION.get(context.getConnection());
        if (webSocket == null) {
            if (!message.getHttpHeader().isRequest()
                    || !UpgradeRequest.WEBSOCKET.equalsIgnoreCase(message.getHttpHeader().getUpgrade())) {
                return context.getInvokeAction();
            }
            return upgrade(context, message);
        }
        Buffer frames = message.getContent();
        message.recycle();
        if (frames.hasRemaining()) {
            ReadHandler reader = webSocket.getReadHandler();
            TaskProcessor inOrder = IN_ORDER.get(context.getConnection());
            if (frames.isComposite()) {
                ByteBufferArray parts = frames.toByteBufferArray();
                ByteBuffer[] array = parts.getArray();
                for (int i = 0; i < parts.size(); i++) {
                    inOrder.processTask(new Read(reader, array[i]));
                }
                parts.recycle();
            } else {
                inOrder.processTask(new Read(reader, frames.toByteBuffer()));
            }
        }
        return context.getStopAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext context) throws IOException {
        Connection<?> connection = context.getConnection();
        org.glassfish.tyrus.spi.Connection webSocket = TYRUS_CONNECTION.get(connection);
        if (webSocket != null) {
            IN_ORDER.get(connection).processTask(new Close(webSocket,
                    CloseReasons.CLOSED_ABNORMALLY.getCloseReason(), connection));
        }
        return context.getStopAction();
    }

    private NextAction upgrade(FilterChainContext context, HttpContent message) {
        HttpRequestPacket request = (HttpRequestPacket) message.getHttpHeader();
        TyrusUpgradeResponse response = new TyrusUpgradeResponse();
        String remoteAddress = RemoteAddress.format(new InetSocketAddress(request.getRemoteAddress(),
                request.getRemotePort()));
        WebSocketEngine.UpgradeInfo upgrade = engine.upgrade(upgradeRequest(request, remoteAddress), response);
        switch (upgrade.getStatus()) {
            case SUCCESS -> {
                Connection<?> connection = context.getConnection();
                respond(context, request, response);
                GatheringWriter writer = new GatheringWriter(new GrizzlyWriter(connection));
                writers.offer(remoteAddress, writer);
                org.glassfish.tyrus.spi.Connection webSocket;
                try {
                    webSocket = upgrade.createConnection(writer, reason -> connection.close());
                } finally {
                    writers.forget(remoteAddress);
                }
                TYRUS_CONNECTION.set(connection, webSocket);
                IN_ORDER.set(connection, new TaskProcessor());
                connection.addCloseListener((closed, type) -> {
                    webSocket.close(CloseReasons.GOING_AWAY.getCloseReason());
                    TYRUS_CONNECTION.remove(connection);
                    IN_ORDER.remove(connection);
                });
                return context.getStopAction();
            }
            case HANDSHAKE_FAILED -> {
                respond(context, request, response);
                message.recycle();
                return context.getStopAction();
            }
            default -> {
                return context.getInvokeAction();
            }
        }
    }

    /**
     * Tyrus' remote address is the client's {@code host:port} here (Tyrus itself keeps only the host), so
     * that the session can name who asked in command audits.
     */
    private static RequestContext upgradeRequest(HttpRequestPacket request, String remoteAddress) {
        RequestContext upgrade = RequestContext.Builder.create()
                .requestURI(URI.create(request.getRequestURI()))
                .queryString(request.getQueryString())
                .secure(request.isSecure())
                .remoteAddr(remoteAddress)
                .serverAddr(request.getLocalAddress())
                .serverPort(request.getLocalPort())
                .build();
        Map<String, List<String>> headers = upgrade.getHeaders();
        for (String name : request.getHeaders().names()) {
            for (String value : request.getHeaders().values(name)) {
                headers.computeIfAbsent(name, any -> new java.util.ArrayList<>())
                        .addAll(Utils.parseHeaderValue(value.trim()));
            }
        }
        return upgrade;
    }

    private static void respond(FilterChainContext context, HttpRequestPacket request,
                                TyrusUpgradeResponse response) {
        HttpResponsePacket packet = request.getResponse();
        packet.setProtocol(Protocol.HTTP_1_1);
        packet.setStatus(response.getStatus());
        if (response.getReasonPhrase() != null) {
            packet.setReasonPhrase(response.getReasonPhrase());
        }
        response.getHeaders().forEach((name, values) -> packet.setHeader(name, Utils.getHeaderFromList(values)));
        context.write(HttpContent.builder(packet).build());
    }

    private static final class Read extends TaskProcessor.Task {
        private final ReadHandler reader;
        private final ByteBuffer frames;

        Read(ReadHandler reader, ByteBuffer frames) {
            this.reader = reader;
            this.frames = frames;
        }

        @Override
        public void execute() {
            reader.handle(frames);
        }
    }

    private static final class Close extends TaskProcessor.Task {
        private final org.glassfish.tyrus.spi.Connection webSocket;
        private final CloseReason reason;
        private final Connection<?> connection;

        Close(org.glassfish.tyrus.spi.Connection webSocket, CloseReason reason, Connection<?> connection) {
            this.webSocket = webSocket;
            this.reason = reason;
            this.connection = connection;
        }

        @Override
        public void execute() {
            webSocket.close(reason);
            TYRUS_CONNECTION.remove(connection);
            IN_ORDER.remove(connection);
        }
    }
}
