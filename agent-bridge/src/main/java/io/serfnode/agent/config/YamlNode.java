package io.serfnode.agent.config;

/** A YAML value that remembers where it starts, so that every problem with it can point there. */
sealed interface YamlNode permits YamlScalar, YamlMap, YamlList {
    Mark mark();

    /** What kind of value this is, as an operator would say it: "a list", "a string" … */
    String describe();
}
