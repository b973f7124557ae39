package io.serfnode.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument checks for the compact constructors of the model records; fields are named as on the wire. */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required but missing or null");
        }
        return value;
    }

    public static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return value;
    }

    public static long notNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidValueException(field, "must not be negative, found " + value);
        }
        return value;
    }

    public static int positive(int value, String field) {
        if (value < 1) {
            throw new InvalidValueException(field, "must be at least 1, found " + value);
        }
        return value;
    }

    /** An immutable copy; a missing list counts as empty. */
    public static <T> List<T> listOf(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidValueException(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** An immutable copy keeping the given order; a missing map counts as empty. */
    public static <K, V> Map<K, V> mapOf(Map<K, V> values, String field) {
        if (values == null) {
            return Map.of();
        }
        values.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new InvalidValueException(field + "." + key, "must not be null");
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
