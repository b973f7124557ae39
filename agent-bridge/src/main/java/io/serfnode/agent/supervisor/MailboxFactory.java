package io.serfnode.agent.supervisor;

/** Opens the mailbox that will own one child's supervisor. */
@FunctionalInterface
public interface MailboxFactory {
    Mailbox open(String child);
}
