package io.serfnode.bench.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the {@code serfnode.yml} of a member of the benchmark. */
public final class MemberConfigFile {
    /** Long enough to outlive any run; the agent ends them when it stops. */
    static final String CHILD_COMMAND = "sleep 100000";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MemberConfigFile() {
    }

    /** The children's names: {@code c1 … cN}. */
    public static List<String> childNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("c" + i);
        }
        return names;
    }

    /** A member with {@code role} and the given process children, every one with {@code startsecs}. */
    public static Map<String, Object> content(String role, List<String> children, int startsecs) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("role", role);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("serfnode", member);
        if (!children.isEmpty()) {
            // a supervision default, like an operator would write it once for all children
            member.put("startsecs", startsecs);
            List<Map<String, Object>> list = new ArrayList<>();
            for (String child : children) {
                list.add(Map.of(child, Map.of("exec", CHILD_COMMAND)));
            }
            file.put("children", list);
        }
        return file;
    }

    public static void write(Path file, Map<String, Object> content) throws IOException {
        YAML.writeValue(file.toFile(), content);
    }
}
