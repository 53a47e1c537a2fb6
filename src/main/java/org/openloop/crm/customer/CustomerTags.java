package org.openloop.crm.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.Customers;
import org.openloop.crm.customer.internal.Tag;
import org.openloop.crm.customer.internal.Tags;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags on customers (B3). Managers ({@code customer:assign}) define managed tags with a colour; anyone who may edit a
 * customer tags it with existing tags or new free tags, one customer at a time or in bulk from the list. Lists
 * filter by any or all of several tags ({@code tags=<id>,<id>&tagMatch=all}).
 */
@Service
public class CustomerTags {

    public static final int MAX_TAGS_PER_CUSTOMER = 20;
    public static final int MAX_BULK = 500;
    private static final String MODULE = CustomerManagement.MODULE;

    private final CustomerManagement management;
    private final Customers customers;
    private final Tags tags;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerTags(CustomerManagement management, Customers customers, Tags tags, AuditTrail audit, Clock clock) {
        this.management = management;
        this.customers = customers;
        this.tags = tags;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every tag, managed ones first, with how many customers carry it. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<TagView> tags() {
        Map<UUID, Long> usage = new HashMap<>();
        for (Object[] row : tags.usageByTag()) {
            usage.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return tags.findAllByOrderByManagedDescNameAsc().stream()
                .map(t -> view(t, usage.getOrDefault(t.getId(), 0L))).toList();
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public TagView createTag(TagDraft draft) {
        validate(draft);
        refuseTakenName(draft.name(), null);
        Tag tag = new Tag(draft.name(), draft.colour(), true, CustomerManagement.currentUser(), clock.instant());
        tags.saveAndFlush(tag);
        return view(tag, 0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public TagView updateTag(UUID id, TagDraft draft, boolean versionFromIfMatch) {
        Tag tag = tags.findById(id).orElseThrow(() -> new RecordNotFoundException("tag", id));
        VersionConflictException.check("tag", id, draft.version(), tag.getVersion(), versionFromIfMatch);
        validate(draft);
        refuseTakenName(draft.name(), id);
        tag.define(draft.name(), draft.colour());
        tags.flush();
        return view(tag, tags.usage(id));
    }

    /** Deletes a tag and takes it off every customer. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public void deleteTag(UUID id) {
        Tag tag = tags.findById(id).orElseThrow(() -> new RecordNotFoundException("tag", id));
        customers.removeTag(id);
        tags.delete(tag);
    }

    /** Sets a customer's tags: existing ones by id plus new free tags by name (reused when the name exists). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CustomerView tag(UUID customerId, Collection<UUID> tagIds, Collection<String> newTagNames) {
        Customer customer = management.editable(customerId);
        Set<UUID> wanted = new LinkedHashSet<>(existing(tagIds));
        for (String name : newTagNames == null ? List.<String>of() : newTagNames) {
            if (name != null && !name.isBlank()) {
                wanted.add(freeTag(name).getId());
            }
        }
        if (wanted.size() > MAX_TAGS_PER_CUSTOMER) {
            throw BusinessRuleException.onField("tagIds", "tag.tooMany", MAX_TAGS_PER_CUSTOMER);
        }
        apply(customer, wanted);
        return management.customer(customerId);
    }

    /** Adds and removes tags on many customers at once; all of them must be editable by the caller, or none changes. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public int bulkTag(Collection<UUID> customerIds, Collection<UUID> add, Collection<UUID> remove) {
        if (customerIds == null || customerIds.isEmpty()) {
            throw BusinessRuleException.onField("customerIds", "tag.bulk.none");
        }
        if (customerIds.size() > MAX_BULK) {
            throw BusinessRuleException.onField("customerIds", "tag.bulk.tooMany", MAX_BULK);
        }
        Set<UUID> adding = existing(add);
        Set<UUID> removing = existing(remove);
        int changed = 0;
        for (UUID id : new LinkedHashSet<>(customerIds)) {
            Customer customer = management.editable(id);
            Set<UUID> wanted = new LinkedHashSet<>(customer.getTagIds());
            wanted.addAll(adding);
            wanted.removeAll(removing);
            if (wanted.size() > MAX_TAGS_PER_CUSTOMER) {
                throw new BusinessRuleException("tag.tooManyOn", customer.getName(), MAX_TAGS_PER_CUSTOMER);
            }
            if (apply(customer, wanted)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean apply(Customer customer, Set<UUID> wanted) {
        Set<UUID> before = Set.copyOf(customer.getTagIds());
        if (!customer.tag(wanted)) {
            return false;
        }
        audit.record(AuditAction.UPDATE, "customer", customer.getId(), "tags", names(before), names(wanted), null);
        return true;
    }

    private String names(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        return String.join(", ", new TreeSet<>(tags.findByIdIn(ids).stream().map(Tag::getName).toList()));
    }

    private Set<UUID> existing(Collection<UUID> ids) {
        Set<UUID> wanted = ids == null ? Set.of() : new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        Set<UUID> found = tags.findByIdIn(wanted).stream().map(Tag::getId).collect(Collectors.toSet());
        for (UUID id : wanted) {
            if (!found.contains(id)) {
                throw BusinessRuleException.onField("tagIds", "tag.unknown");
            }
        }
        return wanted;
    }

    private Tag freeTag(String name) {
        String trimmed = name.strip();
        if (trimmed.length() > 40) {
            throw BusinessRuleException.onField("newTags", "tag.name.size", 40);
        }
        return tags.findByNameKey(Tag.keyOf(trimmed)).orElseGet(() -> tags.saveAndFlush(
                new Tag(trimmed, TagColour.GREY, false, CustomerManagement.currentUser(), clock.instant())));
    }

    /** The draft's rules, checked here too so that pages without bean validation get the same answer. */
    private static void validate(TagDraft draft) {
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 40) {
            throw BusinessRuleException.onField("name", "tag.name.size", 40);
        }
        if (draft.colour() == null) {
            throw BusinessRuleException.onField("colour", "tag.colour.required");
        }
    }

    private void refuseTakenName(String name, UUID self) {
        tags.findByNameKey(Tag.keyOf(name)).filter(t -> !t.getId().equals(self)).ifPresent(t -> {
            throw BusinessRuleException.conflict("name", "tag.name.taken", t.getName());
        });
    }

    private static TagView view(Tag tag, long usage) {
        return new TagView(tag.getId(), tag.getName(), tag.getColour(), tag.isManaged(), usage, tag.getVersion());
    }
}
