package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class WireCodecMalformedInputTest {
    private final WireCodec codec = new WireCodec();

    private WireFormatException clientFailure(String text) {
        return catchThrowableOfType(WireFormatException.class, () -> codec.decodeClient(text));
    }

    private WireFormatException serverFailure(String text) {
        return catchThrowableOfType(WireFormatException.class, () -> codec.decodeServer(text));
    }

    @Test
    void refusesTextThatIsNotJson() {
        WireFormatException failure = clientFailure("{\"type\": auth}");

        assertThat(failure.code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(failure.getMessage()).startsWith("not valid JSON: ").contains("'auth'")
                .endsWith("(line 1, column 14)");
    }

    @Test
    void pointsAtTheOpeningOfAnUnclosedObject() {
        assertThat(clientFailure("{\"type\":\"auth\",\"token\":\"t\"").getMessage()).isEqualTo("not valid JSON:"
                + " Unexpected end-of-input: expected close marker for Object (the object or array opened at line 1,"
                + " column 1) (line 1, column 27)");
    }

    @Test
    void refusesAnEmptyMessage() {
        assertThat(clientFailure("  ").getMessage()).isEqualTo("empty message; expected a JSON object");
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        assertThat(clientFailure("[1, 2]").getMessage()).isEqualTo("expected a JSON object, found an array");
        assertThat(clientFailure("\"auth\"").getMessage())
                .isEqualTo("expected a JSON object, found a string \"auth\"");
    }

    @Test
    void refusesAMessageWithoutType() {
        WireFormatException failure = clientFailure("{\"token\": \"abc\"}");

        assertThat(failure.getMessage())
                .isEqualTo("field 'type': is required but missing; expected one of auth, resume, command"
                        + " (line 1, column 16)");
        assertThat(failure.field()).contains("type");
    }

    @Test
    void refusesAnUnknownType() {
        assertThat(clientFailure("{\"type\": \"hello\", \"v\": 1}").getMessage())
                .isEqualTo("field 'type': expected one of auth, resume, command, found \"hello\" (line 1, column 10)");
    }

    @Test
    void refusesAServerTypeOnTheClientSide() {
        assertThat(clientFailure("{\"type\": \"welcome\"}").problem())
                .isEqualTo("expected one of auth, resume, command, found \"welcome\"");
    }

    @Test
    void refusesAnUnknownCommandKindAndKeepsTheCommandId() {
        WireFormatException failure = clientFailure(
                "{\"type\":\"command\",\"id\":\"c-1\",\"command\":{\"kind\":\"reboot\",\"member\":\"web-1\"}}");

        assertThat(failure.field()).contains("command.kind");
        assertThat(failure.problem()).isEqualTo("expected one of trigger-event, restart-child, stop-child,"
                + " start-child, spawn-member, leave-member, force-leave, query, view-check, found \"reboot\"");
        assertThat(failure.inReplyTo()).contains("c-1");
        assertThat(failure.toErrorMessage().inReplyTo()).isEqualTo("c-1");
    }

    @Test
    void refusesACommandWithoutKind() {
        WireFormatException failure = clientFailure(
                "{\"type\":\"command\",\"id\":\"c-1\",\"command\":{\"member\":\"web-1\"}}");

        assertThat(failure.field()).contains("command.kind");
        assertThat(failure.problem()).startsWith("is required but missing; expected one of trigger-event");
    }

    @Test
    void refusesAMissingRequiredField() {
        WireFormatException failure = clientFailure("{\"type\":\"auth\",\"v\":1}");

        assertThat(failure.getMessage()).isEqualTo("field 'token': is required but missing (line 1, column 21)");
    }

    @Test
    void refusesAMissingRequiredFieldInsideACommand() {
        WireFormatException failure = clientFailure(
                "{\"type\":\"command\",\"id\":\"c-2\",\"command\":{\"kind\":\"restart-child\",\"member\":\"web-1\"}}");

        assertThat(failure.field()).contains("command.child");
        assertThat(failure.problem()).isEqualTo("is required but missing");
        assertThat(failure.inReplyTo()).contains("c-2");
    }

    @Test
    void refusesANullRequiredField() {
        assertThat(clientFailure("{\"type\":\"auth\",\"token\":null}").getMessage())
                .startsWith("field 'token': is required but missing or null");
    }

    @Test
    void refusesAFieldOfTheWrongType() {
        WireFormatException failure = clientFailure("{\"type\":\"resume\",\"streamId\":\"s\",\"fromSeq\":\"12\"}");

        assertThat(failure.getMessage())
                .isEqualTo("field 'fromSeq': expected an integer, found a string \"12\" (line 1, column 43)");
    }

    @Test
    void refusesANumberWhereTextBelongs() {
        assertThat(clientFailure("{\"type\":\"auth\",\"token\":12345}").problem())
                .isEqualTo("expected a string, found the integer 12345");
    }

    @Test
    void refusesAFractionWhereAnIntegerBelongs() {
        WireFormatException failure = clientFailure(
                "{\"type\":\"command\",\"id\":\"c\",\"command\":{\"kind\":\"spawn-member\",\"template\":\"web\",\"count\":2.5}}");

        assertThat(failure.field()).contains("command.count");
        assertThat(failure.problem()).isEqualTo("expected an integer, found the number 2.5");
    }

    @Test
    void refusesAnObjectWhereAListBelongs() {
        WireFormatException failure = clientFailure(
                "{\"type\":\"command\",\"id\":\"c\",\"command\":{\"kind\":\"query\",\"name\":\"q\",\"filterNodes\":{}}}");

        assertThat(failure.field()).contains("command.filterNodes");
        assertThat(failure.problem()).isEqualTo("expected an array, found an object");
    }

    @Test
    void refusesABadEnumValue() {
        WireFormatException failure = clientFailure(
                "{\"type\":\"command\",\"id\":\"c\",\"command\":{\"kind\":\"spawn-member\",\"template\":\"web\",\"runtime\":\"podman\"}}");

        assertThat(failure.field()).contains("command.runtime");
        assertThat(failure.problem()).isEqualTo("expected one of docker, process, found a string \"podman\"");
    }

    @Test
    void refusesANumberForAnEnum() {
        WireFormatException failure = serverFailure("{\"type\":\"result\",\"id\":\"c\",\"outcome\":0}");

        assertThat(failure.field()).contains("outcome");
        assertThat(failure.problem()).isEqualTo("expected one of ok, rejected, failed, timeout, found the integer 0");
    }

    @Test
    void refusesABadSupervisorStateInADeeplyNestedEvent() {
        WireFormatException failure = serverFailure("{\"type\":\"event\",\"seq\":1,\"event\":{\"kind\":"
                + "\"supervisor-state\",\"time\":\"2025-01-31T12:00:00Z\",\"member\":\"m\",\"child\":\"c\","
                + "\"from\":\"RUNNING\",\"to\":\"CRASHED\",\"counter\":3}}");

        assertThat(failure.field()).contains("event.to");
        assertThat(failure.problem()).isEqualTo("expected one of STOPPED, STARTING, RUNNING, BACKOFF, STOPPING,"
                + " EXITED, FATAL, UNKNOWN, found a string \"CRASHED\"");
    }

    @Test
    void refusesATimeThatIsNotIso8601() {
        WireFormatException failure = serverFailure("{\"type\":\"event\",\"seq\":1,\"event\":{\"kind\":"
                + "\"user-event\",\"time\":\"yesterday\",\"name\":\"e\",\"ltime\":1}}");

        assertThat(failure.field()).contains("event.time");
        assertThat(failure.problem()).isEqualTo("expected a UTC time in ISO-8601 form such as"
                + " \"2025-01-31T12:00:00Z\", found \"yesterday\"");
    }

    @Test
    void refusesAPayloadThatIsNeitherTextNorBase64() {
        WireFormatException badBase64 = clientFailure("{\"type\":\"command\",\"id\":\"c\",\"command\":"
                + "{\"kind\":\"trigger-event\",\"name\":\"e\",\"payload\":{\"base64\":\"%%%\"}}}");
        WireFormatException number = clientFailure("{\"type\":\"command\",\"id\":\"c\",\"command\":"
                + "{\"kind\":\"trigger-event\",\"name\":\"e\",\"payload\":42}}");

        assertThat(badBase64.field()).contains("command.payload");
        assertThat(badBase64.problem()).isEqualTo("expected Base64 text in 'base64', found \"%%%\"");
        assertThat(number.problem())
                .isEqualTo("expected a string, or an object with a string field 'base64', found the integer 42");
    }

    @Test
    void refusesAValueThatBreaksAFieldRule() {
        WireFormatException failure = clientFailure("{\"type\":\"command\",\"id\":\"c-9\",\"command\":"
                + "{\"kind\":\"spawn-member\",\"template\":\"web\",\"count\":0}}");

        assertThat(failure.field()).contains("command.count");
        assertThat(failure.problem()).isEqualTo("must be at least 1, found 0");
        assertThat(failure.inReplyTo()).contains("c-9");
    }

    @Test
    void refusesAnEventNameReservedForSerfnode() {
        WireFormatException failure = clientFailure("{\"type\":\"command\",\"id\":\"c\",\"command\":"
                + "{\"kind\":\"trigger-event\",\"name\":\"serfnode.sv\"}}");

        assertThat(failure.field()).contains("command.name");
        assertThat(failure.problem()).contains("reserved for Serfnode itself");
    }

    @Test
    void refusesAnUnsupportedVersion() {
        WireFormatException failure = clientFailure("{\"type\":\"command\",\"v\":2,\"id\":\"c-3\",\"command\":{}}");

        assertThat(failure.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(failure.getMessage())
                .isEqualTo("field 'v': protocol version 2 is not supported; this side speaks version 1");
        assertThat(failure.inReplyTo()).contains("c-3");
    }

    @Test
    void refusesAVersionThatIsNotAnInteger() {
        WireFormatException failure = clientFailure("{\"type\":\"auth\",\"v\":\"1\",\"token\":\"t\"}");

        assertThat(failure.code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(failure.getMessage())
                .isEqualTo("field 'v': expected the integer protocol version 1, found a string \"1\"");
    }

    @Test
    void refusesOversizedInputBeforeParsingIt() {
        String huge = "{\"type\":\"auth\",\"token\":\"" + "x".repeat(70_000) + "\"}";

        WireFormatException failure = clientFailure(huge);

        assertThat(failure.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(failure.getMessage()).startsWith("message is longer than the limit of 65536 bytes");
    }

    @Test
    void countsTheLimitInUtf8Bytes() {
        WireCodec small = new WireCodec(WireLimits.DEFAULT.withMaxClientMessageBytes(40));
        String fitsInCharsButNotInBytes = "{\"type\":\"auth\",\"token\":\"" + "é".repeat(10) + "\"}";

        assertThat(fitsInCharsButNotInBytes).hasSizeLessThan(40);
        assertThat(catchThrowableOfType(WireFormatException.class, () -> small.decodeClient(fitsInCharsButNotInBytes))
                .code()).isEqualTo(ErrorCode.TOO_LARGE);
    }

    @Test
    void refusesDuplicateFields() {
        assertThat(clientFailure("{\"type\":\"auth\",\"type\":\"command\"}").problem())
                .startsWith("not valid JSON: Duplicate field 'type'");
    }

    @Test
    void refusesTrailingText() {
        assertThat(clientFailure("{\"type\":\"auth\",\"token\":\"t\"} {}").getMessage())
                .isEqualTo("not valid JSON: more text after the end of the message (line 1, column 29)");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "{\"type\":\"auth\",\"token\":\"t\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";

        assertThat(clientFailure(deep).problem()).startsWith("too deeply nested");
    }

    @Test
    void describesProblemsWithoutJavaTypeNames() {
        String[] inputs = {
            "{\"type\": auth}", "{\"type\":\"auth\",\"token\":\"t\"", "{\"type\":\"auth\",\"x\":[1,2}", "{\"type\":\"auth\",\"token\":12}", "{\"type\":\"nope\"}",
            "{\"type\":\"command\",\"id\":\"c\",\"command\":{\"kind\":\"query\",\"name\":\"q\",\"timeoutMs\":\"5s\"}}",
            "{\"type\":\"command\",\"id\":\"c\",\"command\":{\"kind\":\"force-leave\",\"member\":\"m\",\"prune\":\"yes\"}}",
            "{\"type\":\"resume\",\"counters\":{\"web-1\":\"x\"}}"
        };
        for (String input : inputs) {
            assertThat(clientFailure(input).getMessage()).as(input)
                    .doesNotContain("io.serfnode", "java.", "`", "Exception", "\tat ", "Source", "REDACTED");
        }
    }

    @Test
    void turnsAFailureIntoAnErrorMessageForThePeer() {
        WireFormatException failure = clientFailure("{\"type\":\"auth\",\"v\":1}");

        ErrorMessage error = failure.toErrorMessage();

        assertThat(error.code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(error.message()).isEqualTo(failure.getMessage());
        assertThat(error.field()).isEqualTo("token");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(21);
        assertThat(error.inReplyTo()).isNull();
    }
}
