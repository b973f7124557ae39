package io.serfnode.model.command;

/** A command aimed at one child of one member. */
public sealed interface ChildCommand extends Command permits RestartChild, StopChild, StartChild {
    /** The name of the member that supervises the child. */
    String member();

    /** The child's name on that member. */
    String child();
}
