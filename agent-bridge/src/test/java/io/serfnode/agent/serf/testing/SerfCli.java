package io.serfnode.agent.serf.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The serf command-line client, used by tests as an independent witness of what an agent sees (it speaks serf's
 * RPC itself, so these checks do not depend on our own RPC client).
 */
public final class SerfCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 15;

    private final String binary;

    public SerfCli(String binary) {
        this.binary = binary;
    }

    /** What the agent knows of every member, itself included; fails when the CLI fails. */
    public List<Member> members(SerfAgentConfig agent) {
        Result result = run(withRpc(agent, "members", "-format=json"));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("serf members against " + agent.rpcAddress() + " failed with code "
                    + result.exitCode() + ": " + result.output());
        }
        try {
            List<Member> members = new ArrayList<>();
            for (JsonNode member : JSON.readTree(result.output()).path("members")) {
                Map<String, String> tags = new LinkedHashMap<>();
                member.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
                members.add(new Member(member.path("name").asText(), member.path("addr").asText(),
                        member.path("status").asText(), tags));
            }
            return members;
        } catch (IOException e) {
            throw new UncheckedIOException("serf members printed no JSON: " + result.output(), e);
        }
    }

    /** The status ({@code alive}, {@code left}, {@code failed}, …) in which {@code observer} sees {@code nodeName}. */
    public Optional<String> statusOf(SerfAgentConfig observer, String nodeName) {
        return members(observer).stream().filter(member -> member.name().equals(nodeName)).map(Member::status).findFirst();
    }

    /** {@code serf <command> -rpc-addr=… [-rpc-auth=…] <args>} against {@code agent}. */
    public List<String> withRpc(SerfAgentConfig agent, String command, String... args) {
        List<String> arguments = new ArrayList<>(List.of(command, "-rpc-addr=" + agent.rpcAddress()));
        if (agent.rpcAuthToken() != null) {
            arguments.add("-rpc-auth=" + agent.rpcAuthToken());
        }
        arguments.addAll(List.of(args));
        return arguments;
    }

    /** Runs the CLI to completion (killing it by PID if it hangs); stdout and stderr are merged. */
    public Result run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(arguments);
        Path output = null;
        Process process = null;
        try {
            // to a file rather than a pipe, so a hanging CLI cannot block the read and escape the timeout
            output = Files.createTempFile("serf-cli-", ".out");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file of a few bytes must not fail a test
            }
        }
    }

    public record Member(String name, String address, String status, Map<String, String> tags) {
    }

    public record Result(int exitCode, String output) {
    }
}
