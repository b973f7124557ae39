package io.serfnode.model.wire;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The types a message can carry: starting from the message interfaces, every permitted subtype of a sealed
 * interface and the component types of every record (element and value types of lists and maps included),
 * as far as they belong to the model.
 */
final class WireTypes {
    private static final String MODEL_PACKAGE = "io.serfnode.model";

    private WireTypes() {
    }

    static Set<Class<?>> reachableFrom(Class<?>... roots) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> root : roots) {
            pending.add(root);
        }
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (!type.getPackageName().startsWith(MODEL_PACKAGE) || !seen.add(type)) {
                continue;
            }
            if (type.isSealed()) {
                for (Class<?> subtype : type.getPermittedSubclasses()) {
                    pending.add(subtype);
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    addClasses(component.getGenericType(), pending);
                }
            }
        }
        return seen;
    }

    private static void addClasses(Type type, Deque<Class<?>> pending) {
        if (type instanceof Class<?> plain) {
            pending.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            addClasses(parameterized.getRawType(), pending);
            for (Type argument : parameterized.getActualTypeArguments()) {
                addClasses(argument, pending);
            }
        }
    }
}
