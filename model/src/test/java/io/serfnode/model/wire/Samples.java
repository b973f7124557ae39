package io.serfnode.model.wire;

import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.CommandValue;
import io.serfnode.model.command.ForceLeave;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.Progress;
import io.serfnode.model.command.QueryAckProgress;
import io.serfnode.model.command.QueryResponseProgress;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.command.QueryAnswers;
import io.serfnode.model.command.QueryResponse;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.SendQuery;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.command.StartChild;
import io.serfnode.model.command.StopChild;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.command.ViewCheck;
import io.serfnode.model.command.ViewGroup;
import io.serfnode.model.command.ViewReport;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.CommandAudit;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberLeft;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.event.QueryEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One value of every kind of message, event, command and command value, with fields filled in. */
final class Samples {
    static final Instant T0 = Instant.parse("2025-01-31T12:00:00Z");
    static final Instant T1 = Instant.parse("2025-01-31T12:00:01.250Z");
    static final Payload BINARY = Payload.of(new byte[] {(byte) 0xff, 0x00, (byte) 0xc3, 0x28});

    private Samples() {
    }

    static Member web1() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("role", "web cache");
        tags.put("ws", "127.0.0.11:7800");
        tags.put("sn", "1");
        return new Member("web-1", "127.0.0.11", 7946, tags, MemberStatus.ALIVE);
    }

    static Member plainSerf() {
        return Member.plain("plain", "127.0.0.12", 7946, MemberStatus.FAILED);
    }

    static List<Command> commands() {
        return List.of(
                new TriggerEvent("deploy", Payload.ofText("{\"version\":\"1.2\"}"), true),
                new TriggerEvent("blob", BINARY, false),
                new RestartChild("web-1", "nginx"),
                new StopChild("web-1", "nginx"),
                new StartChild("web-1", "nginx"),
                SpawnMember.fromTemplate("web").withRole("web edge").withCount(3)
                        .withRuntime(RuntimeKind.DOCKER).withSpawner("web-1"),
                SpawnMember.like("db-1"),
                new LeaveMember("web-2"),
                new ForceLeave("web-3", true),
                SendQuery.toAll("uptime", Payload.EMPTY)
                        .withFilterNodes(List.of("web-1", "web-2"))
                        .withFilterTags(Map.of("role", "web.*"))
                        .withTimeout(Duration.ofMillis(2500))
                        .withRequestAck(true),
                SendQuery.toAll("ping", BINARY),
                new ViewCheck(Duration.ofMillis(3000)),
                ViewCheck.withDefaults());
    }

    static List<ClusterEvent> events() {
        return List.of(
                new MemberJoined(T0, web1()),
                new MemberLeft(T0, web1().withStatus(MemberStatus.LEFT)),
                new MemberFailed(T0, plainSerf()),
                new MemberUpdated(T1, web1().withTags(Map.of("role", "web"))),
                new MemberReaped(T1, plainSerf()),
                new SupervisorStateChanged(T1, "web-1", "nginx", SupervisorState.RUNNING, SupervisorState.EXITED,
                        137, 1, 42),
                new SupervisorStateChanged(T0, "web-1", "nginx", SupervisorState.STOPPED, SupervisorState.STARTING,
                        null, 1, 41),
                new UserEvent(T0, "deploy", Payload.ofText("v1.2"), false, 17),
                new UserEvent(T0, "blob", BINARY, true, 18),
                new QueryEvent(T0, "uptime", Payload.EMPTY, 3, 9),
                new CommandAudit(T1, "web-1", "127.0.0.1:53422", "c-7", new RestartChild("web-1", "nginx"),
                        CommandOutcome.OK, null),
                new CommandAudit(T1, "web-1", "127.0.0.1:53422", "c-8", new LeaveMember("db-9"),
                        CommandOutcome.REJECTED, "no member named 'db-9'"));
    }

    static List<CommandValue> values() {
        return List.of(
                new QueryAnswers(List.of("web-1"), List.of(new QueryResponse("web-1", Payload.ofText("up 3 days")),
                        new QueryResponse("web-2", BINARY))),
                new SpawnedMembers(List.of("web-7", "web-8")),
                new ViewReport(List.of(
                        new ViewGroup("9f2c4e1a7b3d5c60", List.of("web-1", "web-2"), 2, 2, 0, List.of("db-1", "db-2")),
                        new ViewGroup("04d1b7e9c2a8f356", List.of("db-1"), 2, 2, 0, List.of("web-1", "web-2"))),
                        List.of("db-2")),
                new ViewReport(List.of(new ViewGroup("5be0c3d19a7f2e48", List.of("db-1", "web-1"), 2, 0, 0, List.of())),
                        List.of()));
    }

    static List<Progress> progress() {
        return List.of(
                new QueryAckProgress("web-1"),
                new QueryResponseProgress("web-1", Payload.ofText("up 3 days")),
                new QueryResponseProgress("web-2", BINARY),
                new StepProgress("created", "container 4f2a9c for web-7"),
                new StepProgress("joined", null));
    }

    static List<ClientMessage> clientMessages() {
        var messages = new java.util.ArrayList<ClientMessage>();
        messages.add(new AuthMessage("s3cret-token"));
        messages.add(ResumeMessage.fresh());
        messages.add(ResumeMessage.fromSeq("f3a1c2", 120));
        messages.add(ResumeMessage.fromCounters(Map.of("web-1", 42L, "db-1", 7L)));
        int id = 1;
        for (Command command : commands()) {
            messages.add(new CommandMessage("c-" + id++, command));
        }
        return messages;
    }

    static List<ServerMessage> serverMessages() {
        var messages = new java.util.ArrayList<ServerMessage>();
        messages.add(new WelcomeMessage("web-1", "f3a1c2",
                List.of(new Peer("web-1", "127.0.0.11:7800"), new Peer("web-2", "127.0.0.12:7800"))));
        Child nginx = Child.docker("nginx", "nginx:1.27");
        Child worker = Child.process("worker", "/usr/bin/worker --queue jobs");
        ChildStatus running = new ChildStatus(SupervisorState.RUNNING, T0, null, "4f2a9c", null, 1, 2, 41);
        ChildStatus backoff = new ChildStatus(SupervisorState.BACKOFF, T1, null, null, 3, 2, 0, 43);
        List<SequencedEvent> recent = new java.util.ArrayList<>();
        long seq = 1;
        for (ClusterEvent event : events()) {
            recent.add(new SequencedEvent(seq++, event));
        }
        messages.add(new SnapshotMessage(seq - 1, List.of(web1(), plainSerf()),
                Map.of("web-1", List.of(new SupervisedChild(nginx, running), new SupervisedChild(worker,
                        backoff.withPid(4242L)))), recent));
        messages.add(new SnapshotMessage(0, List.of(), Map.of(), List.of()));
        for (SequencedEvent event : recent) {
            messages.add(EventMessage.of(event));
        }
        messages.add(ResultMessage.ok("c-1"));
        for (CommandValue value : values()) {
            messages.add(ResultMessage.ok("c-2", value));
        }
        messages.add(ResultMessage.notOk("c-3", CommandOutcome.FAILED, "docker: no such image nginx:9"));
        messages.add(ResultMessage.notOk("c-4", CommandOutcome.TIMEOUT, "web-3 did not answer within 5 s"));
        messages.add(new ErrorMessage(ErrorCode.MALFORMED, "field 'command.count': must be at least 1, found 0",
                "command.count", 1, 57, "c-5"));
        messages.add(ErrorMessage.of(ErrorCode.UNEXPECTED, "already authenticated", null));
        for (Progress progress : progress()) {
            messages.add(new ProgressMessage("c-10", progress));
        }
        messages.add(new LaggedMessage(130, 1024));
        messages.add(new LaggedMessage(0, 1));
        return messages;
    }
}
