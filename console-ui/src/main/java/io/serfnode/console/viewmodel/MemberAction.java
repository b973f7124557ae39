package io.serfnode.console.viewmodel;

/** What an operator can do to a member or one of its children, and which of it needs a second thought. */
public enum MemberAction {
    RESTART_CHILD("Restart", "Restarting", "Restarted", false),
    STOP_CHILD("Stop", "Stopping", "Stopped", true),
    START_CHILD("Start", "Starting", "Started", false),
    LEAVE_MEMBER("Leave", "Asking to leave", "Left", true),
    FORCE_LEAVE("Force-leave", "Forcing out", "Forced out", true);

    private final String verb;
    private final String progressVerb;
    private final String doneVerb;
    private final boolean needsConfirmation;

    MemberAction(String verb, String progressVerb, String doneVerb, boolean needsConfirmation) {
        this.verb = verb;
        this.progressVerb = progressVerb;
        this.doneVerb = doneVerb;
        this.needsConfirmation = needsConfirmation;
    }

    public String verb() {
        return verb;
    }

    public boolean needsConfirmation() {
        return needsConfirmation;
    }

    public boolean isChildAction() {
        return this == RESTART_CHILD || this == STOP_CHILD || this == START_CHILD;
    }

    /** The question to ask before a disruptive action. */
    public String confirmationQuestion(String target) {
        return switch (this) {
            case STOP_CHILD -> "Stop " + target + "? It stays stopped until started again.";
            case LEAVE_MEMBER -> "Ask " + target + " to stop its children and leave the cluster?";
            case FORCE_LEAVE -> "Force " + target + " out of the cluster? Use this for members that are gone for good.";
            default -> verb + " " + target + "?";
        };
    }

    String running(String target) {
        return progressVerb + " " + target + " …";
    }

    String succeeded(String target) {
        return doneVerb + " " + target;
    }

    String failed(String target, String outcome, String why) {
        return verb + " " + target + " " + outcome + ": " + why;
    }
}
