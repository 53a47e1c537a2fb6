package org.openloop.crm.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.internal.Contact;
import org.openloop.crm.customer.internal.Contacts;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.CustomerMerge;
import org.openloop.crm.customer.internal.CustomerMerges;
import org.openloop.crm.customer.internal.CustomerSearch;
import org.openloop.crm.customer.internal.Customers;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.PhoneNumbers;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RecordsMerged;
import org.openloop.crm.shared.RecordsUnmerged;
import org.openloop.crm.shared.RequiresPermission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import tools.jackson.databind.json.JsonMapper;

/**
 * Duplicate customers (B6): matches for a name, phone or e-mail being entered (company names compared by
 * {@link CompanyNames#key}), a finder over existing customers, and merging two customers into one — field by field,
 * moving contacts and tags, and telling other modules through {@link RecordsMerged}. A merge is audited and an
 * administrator can undo it until it is purged.
 */
@Service
public class CustomerDuplicates {

    /** The fields a merge picks from either customer. */
    public static final List<String> MERGE_FIELDS = List.of("name", "industry", "size", "type", "level", "source",
            "address", "phone", "email", "website", "background", "painPoints");

    private static final String MODULE = CustomerManagement.MODULE;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CustomerManagement management;
    private final Customers customers;
    private final Contacts contacts;
    private final CustomerMerges merges;
    private final CustomerSearch search;
    private final CustomerRelationships relationships;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EntityManager entities;
    private final Clock clock;

    CustomerDuplicates(CustomerManagement management, Customers customers, Contacts contacts, CustomerMerges merges,
            CustomerSearch search, CustomerRelationships relationships, AccessControl access,
            OrganizationManagement organization, AuditTrail audit,
            ApplicationEventPublisher events, EntityManager entities, Clock clock) {
        this.management = management;
        this.customers = customers;
        this.contacts = contacts;
        this.merges = merges;
        this.search = search;
        this.relationships = relationships;
        this.access = access;
        this.organization = organization;
        this.audit = audit;
        this.events = events;
        this.entities = entities;
        this.clock = clock;
    }

    /** Existing customers that look like these values; {@code except} is the customer being edited, if any. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<DuplicateMatch> matchesFor(String name, String phone, String email, UUID except) {
        Map<UUID, Set<String>> reasons = new LinkedHashMap<>();
        Map<UUID, Customer> found = new LinkedHashMap<>();
        Probe probe = new Probe(name, phone, email);
        String key = probe.nameKey();
        if (key != null) {
            customers.findTop10ByNameKeyAndMergedIntoIsNull(key).forEach(c -> add(found, reasons, c, "NAME"));
        }
        String normalisedPhone = probe.normalisedPhone();
        if (normalisedPhone != null) {
            customers.findTop10ByPhoneAndMergedIntoIsNull(normalisedPhone).forEach(c -> add(found, reasons, c, "PHONE"));
            // two lookups rather than one OR: H2 answers "mobile = ? or office_phone = ?" with a full scan
            byContacts(contacts.findTop10ByMobile(normalisedPhone), found, reasons, "PHONE");
            byContacts(contacts.findTop10ByOfficePhone(normalisedPhone), found, reasons, "PHONE");
        }
        String normalisedEmail = probe.normalisedEmail();
        if (normalisedEmail != null) {
            customers.findTop10ByEmailAndMergedIntoIsNull(normalisedEmail).forEach(c -> add(found, reasons, c, "EMAIL"));
            byContacts(contacts.findTop10ByEmail(normalisedEmail), found, reasons, "EMAIL");
        }
        if (except != null) {
            found.remove(except);
        }
        return matches(List.of(found), List.of(reasons)).get(0);
    }

    /** The values of a customer about to be written, to look for duplicates of. */
    public record Probe(String name, String phone, String email) {

        /** The name compared by {@link CompanyNames#key}, or null when there is none. */
        public String nameKey() {
            String key = CompanyNames.key(blankToNull(name));
            return key == null || key.isEmpty() ? null : key;
        }

        /** The phone as stored (normalised), or null when there is none or it is masked. */
        public String normalisedPhone() {
            return blankToNull(phone) == null || phone.contains("*") ? null : PhoneNumbers.normalise(phone.trim());
        }

        /** The e-mail as stored (lower case), or null when there is none or it is masked. */
        public String normalisedEmail() {
            return blankToNull(email) == null || email.contains("*") ? null : email.trim().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@link #matchesFor} for many probes at once, with one query per kind of match for all of them instead of six
     * per probe: for writers of many customers (import). Answers one list per probe, in order. Matches only what is
     * stored; probes are not compared with each other.
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<List<DuplicateMatch>> matchesForAll(List<Probe> probes) {
        Set<String> keys = probes.stream().map(Probe::nameKey).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> phones = probes.stream().map(Probe::normalisedPhone).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> emails = probes.stream().map(Probe::normalisedEmail).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, List<Customer>> byName = keys.isEmpty() ? Map.of()
                : customers.findByNameKeyInAndMergedIntoIsNull(keys).stream()
                        .collect(Collectors.groupingBy(Customer::getNameKey));
        Map<String, List<Customer>> byPhone = phones.isEmpty() ? Map.of()
                : customers.findByPhoneInAndMergedIntoIsNull(phones).stream()
                        .collect(Collectors.groupingBy(Customer::getPhone));
        Map<String, List<Customer>> byEmail = emails.isEmpty() ? Map.of()
                : customers.findByEmailInAndMergedIntoIsNull(emails).stream()
                        .collect(Collectors.groupingBy(Customer::getEmail));
        List<Contact> phoneContacts = new ArrayList<>();
        if (!phones.isEmpty()) {
            // two lookups rather than one OR, as in matchesFor
            phoneContacts.addAll(contacts.findByMobileIn(phones));
            phoneContacts.addAll(contacts.findByOfficePhoneIn(phones));
        }
        List<Contact> emailContacts = emails.isEmpty() ? List.of() : contacts.findByEmailIn(emails);
        Map<UUID, Customer> ofContacts = new java.util.HashMap<>();
        Set<UUID> contactCustomerIds = new HashSet<>();
        phoneContacts.forEach(c -> contactCustomerIds.add(c.getCustomerId()));
        emailContacts.forEach(c -> contactCustomerIds.add(c.getCustomerId()));
        if (!contactCustomerIds.isEmpty()) {
            customers.findAllById(contactCustomerIds).stream().filter(c -> c.getMergedInto() == null)
                    .forEach(c -> ofContacts.put(c.getId(), c));
        }
        List<Map<UUID, Customer>> founds = new ArrayList<>(probes.size());
        List<Map<UUID, Set<String>>> reasonsOfAll = new ArrayList<>(probes.size());
        for (Probe probe : probes) {
            Map<UUID, Set<String>> reasons = new LinkedHashMap<>();
            Map<UUID, Customer> found = new LinkedHashMap<>();
            String phone = probe.normalisedPhone();
            String email = probe.normalisedEmail();
            byName.getOrDefault(probe.nameKey(), List.of()).stream().limit(10)
                    .forEach(c -> add(found, reasons, c, "NAME"));
            byPhone.getOrDefault(phone, List.of()).stream().limit(10).forEach(c -> add(found, reasons, c, "PHONE"));
            if (phone != null) {
                phoneContacts.stream().filter(c -> phone.equals(c.getMobile()) || phone.equals(c.getOfficePhone()))
                        .map(c -> ofContacts.get(c.getCustomerId())).filter(Objects::nonNull)
                        .forEach(c -> add(found, reasons, c, "PHONE"));
            }
            byEmail.getOrDefault(email, List.of()).stream().limit(10).forEach(c -> add(found, reasons, c, "EMAIL"));
            if (email != null) {
                emailContacts.stream().filter(c -> email.equals(c.getEmail()))
                        .map(c -> ofContacts.get(c.getCustomerId())).filter(Objects::nonNull)
                        .forEach(c -> add(found, reasons, c, "EMAIL"));
            }
            founds.add(found);
            reasonsOfAll.add(reasons);
        }
        return matches(founds, reasonsOfAll);
    }

    /** The matches of each probe, with the owners' names looked up once for all. */
    private List<List<DuplicateMatch>> matches(List<Map<UUID, Customer>> founds,
            List<Map<UUID, Set<String>>> reasons) {
        Map<UUID, String> owners = organization.names(founds.stream().flatMap(f -> f.values().stream())
                .map(Customer::getOwnerId).filter(Objects::nonNull).collect(Collectors.toSet()));
        var scope = access.currentScope();
        List<List<DuplicateMatch>> result = new ArrayList<>(founds.size());
        for (int i = 0; i < founds.size(); i++) {
            Map<UUID, Set<String>> why = reasons.get(i);
            result.add(founds.get(i).values().stream()
                    .map(c -> new DuplicateMatch(c.getId(), c.getNumber(), c.getName(), owners.get(c.getOwnerId()),
                            c.isPooled(), c.isArchived(), c.isPooled() || scope.allows(c), why.get(c.getId())))
                    .toList());
        }
        return result;
    }

    /** Groups of customers in the caller's scope that share a normalised name or a phone (finder page). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<DuplicateGroup> groups() {
        List<DuplicateGroup> groups = new ArrayList<>();
        for (String attribute : List.of("nameKey", "phone")) {
            for (String value : sharedValues(attribute)) {
                Specification<Customer> same = (root, query, cb) -> cb.and(cb.equal(root.get(attribute), value),
                        cb.isNull(root.get("mergedInto")), cb.isFalse(root.get("archived")));
                List<Customer> members = customers.findAll(same.and(access.currentScope().toSpecification()));
                List<CustomerView> views = members.stream().map(c -> management.customer(c.getId())).toList();
                groups.add(new DuplicateGroup(attribute.equals("nameKey") ? "NAME" : "PHONE",
                        attribute.equals("nameKey") ? members.get(0).getName() : views.get(0).phone(), views));
            }
        }
        return groups;
    }

    private List<String> sharedValues(String attribute) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<String> query = cb.createQuery(String.class);
        Root<Customer> root = query.from(Customer.class);
        var scope = access.currentScope().<Customer>toSpecification().toPredicate(root, query, cb);
        query.select(root.get(attribute))
                .where(cb.and(scope, cb.isNotNull(root.get(attribute)), cb.isNull(root.get("mergedInto")),
                        cb.isFalse(root.get("archived"))))
                .groupBy(root.get(attribute)).having(cb.gt(cb.count(root), 1L)).orderBy(cb.asc(root.get(attribute)));
        return entities.createQuery(query).setMaxResults(50).getResultList();
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}. {@code picks} names, per field of {@link #MERGE_FIELDS}, whose
     * value survives ({@code survivor} or {@code merged}; missing means the survivor's). Both customers must be
     * editable by the caller, who needs the assign permission (merging changes ownership of contacts).
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public CustomerView merge(UUID survivorId, UUID mergedId, Map<String, String> picks) {
        if (survivorId.equals(mergedId)) {
            throw new BusinessRuleException("customer.merge.same");
        }
        Customer survivor = management.editable(survivorId);
        Customer merged = management.editable(mergedId);
        if (survivor.getMergedInto() != null || merged.getMergedInto() != null || merged.isArchived()
                || survivor.isArchived()) {
            throw BusinessRuleException.conflict(null, "customer.merge.archived");
        }
        Map<String, String> choices = picks == null ? Map.of() : picks;
        for (Map.Entry<String, String> pick : choices.entrySet()) {
            if (!MERGE_FIELDS.contains(pick.getKey())
                    || !Set.of("survivor", "merged").contains(String.valueOf(pick.getValue()))) {
                throw BusinessRuleException.onField("picks", "customer.merge.pick", pick.getKey());
            }
        }
        Instant now = clock.instant();
        Customer.Details before = survivor.details();
        Customer.Details other = merged.details();
        Customer.Details after = new Customer.Details(
                pick(choices, "name", before.name(), other.name()),
                pick(choices, "industry", before.industry(), other.industry()),
                pick(choices, "size", before.size(), other.size()),
                pick(choices, "type", before.type(), other.type()),
                pick(choices, "level", before.level(), other.level()),
                pick(choices, "source", before.source(), other.source()),
                pick(choices, "address", before.address(), other.address()),
                pick(choices, "phone", before.phone(), other.phone()),
                pick(choices, "email", before.email(), other.email()),
                pick(choices, "website", before.website(), other.website()),
                pick(choices, "background", before.background(), other.background()),
                pick(choices, "painPoints", before.painPoints(), other.painPoints()));
        if (after.name() == null) {
            throw BusinessRuleException.onField("picks", "customer.merge.pick", "name");
        }
        management.changeDetails(survivor, after, now);

        List<UUID> moved = new ArrayList<>();
        for (Contact contact : contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(mergedId)) {
            if (contact.isPrimaryContact()) {
                contact.update(new Contact.Details(contact.getName(), contact.getTitle(), contact.getMobile(),
                        contact.getOfficePhone(), contact.getEmail(), contact.getBirthday(),
                        contact.isKeyDecisionMaker(), false), now);
            }
            contact.moveTo(survivor, now);
            moved.add(contact.getId());
        }
        Set<UUID> tags = new LinkedHashSet<>(survivor.getTagIds());
        Set<UUID> added = new LinkedHashSet<>(merged.getTagIds());
        added.removeAll(tags);
        tags.addAll(added);
        survivor.tag(tags);
        merged.mergeInto(survivorId, "→ " + survivor.getNumber(), now);
        relationships.moveOnMerge(mergedId, survivorId);

        merges.save(new CustomerMerge(survivorId, mergedId, JSON.writeValueAsString(before), join(moved),
                join(new ArrayList<>(added)), CustomerManagement.currentUser(), now));
        audit.record(AuditAction.UPDATE, "customer", survivorId, "merge", null, merged.getNumber() + " " + merged
                .getName(), "customer.merge.audit");
        audit.record(AuditAction.UPDATE, "customer", mergedId, "mergedInto", null, survivor.getNumber(),
                "customer.merge.audit");
        customers.flush();
        events.publishEvent(new RecordsMerged("customer", mergedId, survivorId));
        search.indexWithContacts(survivor);
        search.indexWithContacts(merged);
        return management.customer(survivorId);
    }

    /** The merges into a customer, newest first. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<MergeView> mergesInto(UUID survivorId) {
        management.visible(survivorId);
        List<CustomerMerge> list = merges.findBySurvivorIdOrderByMergedAtDesc(survivorId);
        Map<UUID, String> names = organization.names(list.stream().map(CustomerMerge::getMergedBy)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, Customer> mergedCustomers = customers.findAllById(
                list.stream().map(CustomerMerge::getMergedId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Customer::getId, c -> c));
        return list.stream().map(m -> {
            Customer c = mergedCustomers.get(m.getMergedId());
            return new MergeView(m.getId(), m.getSurvivorId(), m.getMergedId(), c == null ? null : c.getNumber(),
                    c == null ? null : c.getName(), names.get(m.getMergedBy()), m.getMergedAt(), m.getUndoneAt());
        }).toList();
    }

    /**
     * Undoes a merge (administrators only): the survivor's values, contacts and tags are restored and the merged
     * customer is current again. Other modules move back what followed the merge, told by {@link RecordsUnmerged}.
     */
    @Transactional
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    public CustomerView undo(UUID mergeId) {
        CustomerMerge merge = merges.findById(mergeId)
                .orElseThrow(() -> new RecordNotFoundException("customerMerge", mergeId));
        if (merge.getUndoneAt() != null) {
            throw BusinessRuleException.conflict(null, "customer.merge.undone");
        }
        Customer survivor = customers.findById(merge.getSurvivorId())
                .orElseThrow(() -> new RecordNotFoundException("customer", merge.getSurvivorId()));
        Customer merged = customers.findById(merge.getMergedId())
                .orElseThrow(() -> new RecordNotFoundException("customer", merge.getMergedId()));
        Instant now = clock.instant();
        management.changeDetails(survivor, JSON.readValue(merge.getSurvivorBefore(), Customer.Details.class), now);
        merged.unmerge(now);
        for (UUID contactId : split(merge.getMovedContactIds())) {
            contacts.findById(contactId).ifPresent(contact -> contact.moveTo(merged, now));
        }
        Set<UUID> tags = new LinkedHashSet<>(survivor.getTagIds());
        tags.removeAll(new HashSet<>(split(merge.getAddedTagIds())));
        survivor.tag(tags);
        merge.undo(CustomerManagement.currentUser(), now);
        audit.record(AuditAction.UPDATE, "customer", survivor.getId(), "merge", merged.getNumber() + " "
                + merged.getName(), null, "customer.merge.undone.audit");
        audit.record(AuditAction.UPDATE, "customer", merged.getId(), "mergedInto", survivor.getNumber(), null,
                "customer.merge.undone.audit");
        customers.flush();
        search.indexWithContacts(survivor);
        search.indexWithContacts(merged);
        events.publishEvent(new RecordsUnmerged("customer", merged.getId(), survivor.getId()));
        return management.customer(merged.getId());
    }

    private static <T> T pick(Map<String, String> choices, String field, T survivor, T merged) {
        return "merged".equals(choices.get(field)) ? merged : survivor;
    }

    private void add(Map<UUID, Customer> found, Map<UUID, Set<String>> reasons, Customer customer, String reason) {
        found.putIfAbsent(customer.getId(), customer);
        reasons.computeIfAbsent(customer.getId(), id -> new LinkedHashSet<>()).add(reason);
    }

    private void byContacts(List<Contact> list, Map<UUID, Customer> found, Map<UUID, Set<String>> reasons,
            String reason) {
        Set<UUID> ids = list.stream().map(Contact::getCustomerId).collect(Collectors.toSet());
        customers.findAllById(ids).stream().filter(c -> c.getMergedInto() == null)
                .forEach(c -> add(found, reasons, c, reason));
    }

    private static String join(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private static List<UUID> split(String ids) {
        return ids == null || ids.isBlank() ? List.of()
                : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
