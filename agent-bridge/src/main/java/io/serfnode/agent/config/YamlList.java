package io.serfnode.agent.config;

import java.util.List;

record YamlList(Mark mark, List<YamlNode> items) implements YamlNode {
    YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
