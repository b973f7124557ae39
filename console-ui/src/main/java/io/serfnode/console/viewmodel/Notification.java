package io.serfnode.console.viewmodel;

import java.time.Instant;

/**
 * Something the operator should notice now: a child gone FATAL, a member failed, the session lost.
 *
 * @param severity how loud to be
 * @param title    a few words
 * @param text     one sentence saying what happened and where
 * @param member   the member it concerns, or empty
 * @param time     when it happened
 */
public record Notification(Severity severity, String title, String text, String member, Instant time) {

    /** How loud a notification is. */
    public enum Severity { INFO, WARNING, ERROR }
}
