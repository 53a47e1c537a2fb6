package org.openloop.crm.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list (K3). {@code nextCursor} is opaque and {@code null} on the last page.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }

    public <R> CursorPage<R> map(Function<? super T, ? extends R> mapper) {
        return new CursorPage<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
