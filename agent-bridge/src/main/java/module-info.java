/** The serfnode agent: Serf RPC client, serf process manager and the member agent. */
module io.serfnode.agent {
    requires transitive io.serfnode.model;
    requires msgpack.core; // automatic module, named after its jar
    requires info.picocli;
    requires java.logging;
    requires java.management; // a spawned member JVM gets the spawner's tuning flags
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml; // SnakeYAML's syntax errors carry the exact place of the problem
    // docker-java: automatic modules, named in their manifests
    requires com.github.dockerjava.api;
    requires com.github.dockerjava.core;
    requires com.github.dockerjava.transport;
    requires com.github.dockerjava.transport.zerodep;
    // what docker-java needs at run time: automatic modules cannot declare it, so a launch with
    // `-m io.serfnode.agent` would not resolve these named modules otherwise
    requires org.apache.commons.lang3;
    requires org.apache.commons.io;
    requires org.apache.commons.compress;
    requires com.google.common;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider; // also for the WebSocket API's PEM keys
    requires org.slf4j;
    // the WebSocket API: Tyrus' engine behind our own Grizzly listener (all explicit modules)
    requires org.glassfish.tyrus.core;
    requires org.glassfish.tyrus.spi;
    requires org.glassfish.tyrus.server;
    requires org.glassfish.tyrus.container.grizzly.client;
    requires org.glassfish.grizzly;
    requires org.glassfish.grizzly.http;
    requires org.glassfish.grizzly.http.server;
    requires jakarta.websocket;

    exports io.serfnode.agent.api;
    exports io.serfnode.agent.api.command;
    exports io.serfnode.agent.api.journal;
    exports io.serfnode.agent.api.ws;
    exports io.serfnode.agent.cli;
    exports io.serfnode.agent.member;
    exports io.serfnode.agent.serf.process;
    exports io.serfnode.agent.support;
    exports io.serfnode.agent.child;
    exports io.serfnode.agent.devif;
    exports io.serfnode.agent.runtime;
    exports io.serfnode.agent.serf.rpc;
    exports io.serfnode.agent.runtime.process;
    exports io.serfnode.agent.supervisor;
    exports io.serfnode.agent.config;
    exports io.serfnode.agent.runtime.docker;

    opens io.serfnode.agent.cli to info.picocli;
    opens io.serfnode.agent.member to com.fasterxml.jackson.databind;
    exports io.serfnode.agent.cluster;
    exports io.serfnode.agent.spawn;
    exports io.serfnode.agent.cluster.view;

    // Jackson builds the cluster payload records reflectively
    opens io.serfnode.agent.cluster to com.fasterxml.jackson.databind;
    opens io.serfnode.agent.cluster.view to com.fasterxml.jackson.databind;
    // Jackson builds the serfnode.config pages reflectively
    opens io.serfnode.agent.spawn to com.fasterxml.jackson.databind;
    // Jackson builds the relayed command records reflectively
    opens io.serfnode.agent.api.command to com.fasterxml.jackson.databind;
}
