package org.openloop.crm.customer.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.customer.TagRef;
import org.springframework.stereotype.Component;

/** Resolves the tags of many customers with one query, for lists and exports (no N+1). */
@Component
public class TagRefs {

    private final Tags tags;

    TagRefs(Tags tags) {
        this.tags = tags;
    }

    public Map<UUID, List<TagRef>> of(Collection<Customer> customers) {
        Set<UUID> ids = customers.stream().flatMap(c -> c.getTagIds().stream()).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Tag> byId = tags.findByIdIn(ids).stream().collect(Collectors.toMap(Tag::getId, t -> t));
        Map<UUID, List<TagRef>> result = new HashMap<>();
        for (Customer customer : customers) {
            List<TagRef> refs = new ArrayList<>();
            customer.getTagIds().stream().map(byId::get).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Tag::isManaged).reversed().thenComparing(Tag::getName))
                    .forEach(t -> refs.add(new TagRef(t.getId(), t.getName(), t.getColour())));
            result.put(customer.getId(), refs);
        }
        return result;
    }
}
