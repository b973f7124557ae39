package io.serfnode.console.viewmodel;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A list over a circular array: adding at the end and removing at either end take constant time. It backs the
 * event table, which drops its oldest rows as new ones arrive: JavaFX's observable list removes a range one
 * element at a time, so over an array list every dropped row shifted the whole table (50,000 rows) and the
 * console spent most of its time per event there. Inserting or removing in the middle works but shifts.
 */
final class RingList<E> extends AbstractList<E> implements RandomAccess {
    private Object[] items = new Object[16];
    private int head;
    private int size;

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) items[slot(checked(index, size))];
    }

    @Override
    public E set(int index, E element) {
        int at = slot(checked(index, size));
        E old = get(index);
        items[at] = element;
        return old;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void add(int index, E element) {
        checked(index, size + 1);
        if (size == items.length) {
            grow();
        }
        if (index == 0) {
            head = (head - 1 + items.length) % items.length;
            items[head] = element;
        } else {
            for (int i = size; i > index; i--) {
                items[slot(i)] = items[slot(i - 1)];
            }
            items[slot(index)] = element;
        }
        size++;
        modCount++;
    }

    @Override
    public E remove(int index) {
        E old = get(index);
        if (index == 0) {
            items[head] = null;
            head = (head + 1) % items.length;
        } else {
            for (int i = index; i < size - 1; i++) {
                items[slot(i)] = items[slot(i + 1)];
            }
            items[slot(size - 1)] = null;
        }
        size--;
        modCount++;
        return old;
    }

    @Override
    public void clear() {
        Arrays.fill(items, null);
        head = 0;
        size = 0;
        modCount++;
    }

    private void grow() {
        Object[] bigger = new Object[items.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = items[slot(i)];
        }
        items = bigger;
        head = 0;
    }

    private int slot(int index) {
        return (head + index) % items.length;
    }

    private static int checked(int index, int bound) {
        if (index < 0 || index >= bound) {
            throw new IndexOutOfBoundsException("index " + index + " out of 0.." + (bound - 1));
        }
        return index;
    }
}
