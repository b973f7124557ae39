package io.serfnode.console.viewmodel;

/** Where new members take their configuration from. */
public enum SpawnSource {
    /** A named template in the spawner's templates directory. */
    TEMPLATE,
    /** A copy of an existing member's configuration and roles. */
    LIKE_MEMBER
}
