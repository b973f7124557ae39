/** The WebSocket protocol: client and server messages and the codec that reads and writes them. */
package io.serfnode.model.wire;
