package io.serfnode.agent.config;

/** A value from the file with the place it was written, for checks that can only be made later. */
record Located(String value, Mark mark) {
}
