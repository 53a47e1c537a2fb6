package org.openloop.crm.customer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.internal.Contact;
import org.openloop.crm.customer.internal.Contacts;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.CustomerPoolRules;
import org.openloop.crm.customer.internal.CustomerSearch;
import org.openloop.crm.customer.internal.Customers;
import org.openloop.crm.customer.internal.TagRefs;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.SequenceNumbers;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.PhoneNumbers;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.SensitiveData;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Customers and contacts (B1, B2). Every read goes through the repositories' scoped methods with the caller's
 * {@link DataScope}; every read model passes through {@link SensitiveData}. The owner of a new customer is its
 * creator; ownership changes only through {@link #transfer} with the assignment check (A5).
 */
@Service
public class CustomerManagement {

    static final String MODULE = "customer";
    static final String CONTACT_MODULE = "contact";

    static final ListQuery<Customer> CUSTOMER_QUERY = ListQuery.of(Customer.class)
            .sortable("name", String.class)
            .sortable("number", String.class)
            .sortable("createdAt", Instant.class)
            .filter("type", CustomerType.class, Match.EQUALS)
            .filter("level", CustomerLevel.class, Match.EQUALS)
            .filter("source", CustomerSource.class, Match.EQUALS)
            .filter("companySize", "size", CompanySize.class, Match.EQUALS)
            .filter("industry", String.class, Match.EQUALS)
            .filter("ownerId", UUID.class, Match.EQUALS)
            .filter("departmentId", UUID.class, Match.EQUALS)
            .filter("archived", Boolean.class, Match.EQUALS)
            .filter("phone", String.class, Match.CONTAINS)
            .filter("email", String.class, Match.CONTAINS)
            .searchable("name")
            .searchable("number")
            .searchable("phone")
            .searchable("email")
            .defaultSort("-createdAt")
            .build();

    static final ListQuery<Contact> CONTACT_QUERY = ListQuery.of(Contact.class)
            .sortable("name", String.class)
            .sortable("createdAt", Instant.class)
            .filter("customerId", UUID.class, Match.EQUALS)
            .filter("keyDecisionMaker", Boolean.class, Match.EQUALS)
            .filter("mobile", String.class, Match.CONTAINS)
            .filter("email", String.class, Match.CONTAINS)
            .searchable("name")
            .searchable("title")
            .searchable("mobile")
            .searchable("officePhone")
            .searchable("email")
            .defaultSort("name")
            .build();

    private final Customers customers;
    private final Contacts contacts;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final SequenceNumbers numbers;
    private final AuditTrail audit;
    private final Exports exports;
    private final org.openloop.crm.platform.ListCounts counts;
    private final CustomerSearch search;
    private final org.openloop.crm.customer.internal.CustomerRelations relations;
    private final org.openloop.crm.customer.internal.CustomerMerges merges;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CustomerPoolRules pool;
    private final org.openloop.crm.customer.internal.KeyFieldGate keyFields;
    private final org.openloop.crm.customer.internal.CustomerChangeRequests changeRequests;
    private final TagRefs tagRefs;
    private final CustomFields customFields;
    private final Clock clock;
    private final Duration dormantAfter;
    private final String numberPattern;

    CustomerManagement(Customers customers, Contacts contacts, AccessControl access,
            OrganizationManagement organization, SequenceNumbers numbers, AuditTrail audit, Exports exports,
            org.openloop.crm.platform.ListCounts counts, CustomerSearch search, org.openloop.crm.customer.internal.CustomerRelations relations,
            org.openloop.crm.customer.internal.CustomerMerges merges,
            org.springframework.context.ApplicationEventPublisher events, CustomerPoolRules pool,
            org.openloop.crm.customer.internal.KeyFieldGate keyFields,
            org.openloop.crm.customer.internal.CustomerChangeRequests changeRequests, TagRefs tagRefs,
            CustomFields customFields, Clock clock,
            @Value("${crm.customer.dormant-after:90d}") Duration dormantAfter,
            @Value("${crm.customer.number-pattern:KH{date:yyyyMMdd}{seq:4}}") String numberPattern) {
        this.customers = customers;
        this.contacts = contacts;
        this.access = access;
        this.organization = organization;
        this.numbers = numbers;
        this.audit = audit;
        this.exports = exports;
        this.counts = counts;
        this.search = search;
        this.relations = relations;
        this.merges = merges;
        this.events = events;
        this.pool = pool;
        this.keyFields = keyFields;
        this.changeRequests = changeRequests;
        this.tagRefs = tagRefs;
        this.customFields = customFields;
        this.clock = clock;
        this.dormantAfter = dormantAfter;
        this.numberPattern = numberPattern;
    }

    // --- customers ---------------------------------------------------------------------------------------------

    /** Customers the caller may see; archived ones only when asked for with {@code archived=true} (B7). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<CustomerView> customers(ListRequest request) {
        request = search.narrowCustomers(request, pooled(request));
        CursorPage<Customer> page = CUSTOMER_QUERY.page(customers, request, listRestriction(request));
        return new CursorPage<>(views(page.items()), page.nextCursor());
    }

    /** How many customers the same list holds, exact up to the cap (K3); the page loads it after the rows. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public org.openloop.crm.shared.CappedCount count(ListRequest request) {
        request = search.narrowCustomers(request, pooled(request));
        return counts.count(Customer.class, CUSTOMER_QUERY.specification(request).and(listRestriction(request)));
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CustomerView customer(UUID id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public CustomerView create(CustomerDraft draft) {
        Inserted inserted = insert(draft);
        // built from what was just written: a new customer has no tags or pending changes to read back
        return views(List.of(inserted.customer()), Map.of(inserted.customer().getId(), inserted.fields())).get(0);
    }

    /** The id and number of a customer just created. */
    public record Created(UUID id, String number) {
    }

    /**
     * Creates a customer exactly as {@link #create} does, but answers only its id and number: for writers of many
     * customers that show none of them (import), since reading the full view back costs several queries a record.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public Created createReturningNumber(CustomerDraft draft) {
        Customer customer = insert(draft).customer();
        return new Created(customer.getId(), customer.getNumber());
    }

    /** A customer just written, with the custom-field values stored for it. */
    private record Inserted(Customer customer, Map<String, Object> fields) {
    }

    private Inserted insert(CustomerDraft draft) {
        UUID owner = currentUser();
        Inserted inserted = insert(draft, numbers.next("customer", numberPattern), owner, access.departmentOf(owner));
        search.indexNew(inserted.customer());
        return inserted;
    }

    private Inserted insert(CustomerDraft draft, String number, UUID owner, UUID departmentId) {
        Customer customer = new Customer(number, owner, departmentId, clock.instant());
        customer.update(details(draft, customer), clock.instant());
        customers.save(customer);
        return new Inserted(customer, customFields.saveNew(MODULE, customer.getId(), draft.customFields()));
    }

    /**
     * Creates many customers as {@link #create} creates each (same validation, owner, custom fields, audit rows and
     * search documents), in the caller's transaction, answering their ids and numbers in order. The numbers are
     * taken as one block and the search documents written as one batch, so a writer of many customers (import) does
     * not pay the per-record round trips of {@link #createReturningNumber}.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public List<Created> createAll(List<CustomerDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        UUID owner = currentUser();
        UUID departmentId = access.departmentOf(owner);
        List<String> issued = numbers.next("customer", numberPattern, drafts.size());
        List<Created> created = new ArrayList<>(drafts.size());
        List<org.openloop.crm.search.SearchDocument> documents = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Customer customer = insert(drafts.get(i), issued.get(i), owner, departmentId).customer();
            documents.add(CustomerSearch.document(customer));
            created.add(new Created(customer.getId(), customer.getNumber()));
        }
        search.indexAll(documents);
        return created;
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CustomerView update(UUID id, CustomerDraft draft, boolean versionFromIfMatch) {
        Customer customer = editable(id);
        VersionConflictException.check("customer", id, draft.version(), customer.getVersion(), versionFromIfMatch);
        changeDetails(customer, keyFields.filter(customer, details(draft, customer), currentUser()), clock.instant());
        customFields.save(MODULE, id, draft.customFields());
        customers.flush();
        search.indexWithContacts(customer);
        return views(List.of(customer)).get(0);
    }

    /**
     * Records that an interaction (C1) with a customer the caller may see happened at {@code occurredAt}; the latest
     * interaction decides whether the customer is active or dormant. Called by the activity module in the
     * transaction that saves the interaction.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "view")
    public void recordInteraction(UUID id, Instant occurredAt) {
        Customer customer = visible(id);
        customer.interactedAt(occurredAt);
    }

    /**
     * Changes only the type of a customer the caller may edit (for example after an interaction), through the same
     * rules as {@link #update}, including the key-field review (A7).
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CustomerView changeType(UUID id, CustomerType type) {
        Customer customer = editable(id);
        if (type == null || type == customer.getType()) {
            return views(List.of(customer)).get(0);
        }
        CustomerDraft draft = new CustomerDraft(customer.getName(), customer.getIndustry(), customer.getSize(), type,
                customer.getLevel(), customer.getSource(), customer.getAddress(), customer.getPhone(),
                customer.getEmail(), customer.getWebsite(), customer.getBackground(), customer.getPainPoints(), null);
        changeDetails(customer, keyFields.filter(customer, details(draft, customer), currentUser()), clock.instant());
        customers.flush();
        search.indexWithContacts(customer);
        return views(List.of(customer)).get(0);
    }

    /** The names of those of {@code ids} the caller may see (in scope or in the pool); others are left out. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public Map<UUID, String> names(java.util.Collection<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Specification<Customer> byIds = (root, query, cb) -> root.get("id").in(ids);
        Map<UUID, String> names = new HashMap<>();
        customers.findAll(byIds.and(access.currentScope().<Customer>toSpecification().or(POOLED)))
                .forEach(c -> names.put(c.getId(), c.getName()));
        return names;
    }

    /**
     * Customer names for labels other modules keep with their own records (search documents of contracts and
     * interactions): no permission and no scope, because whoever may read such a record reads its customer's name on
     * it anyway, and an index rebuild at start-up runs without a user. Unknown ids and {@code null} are left out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> labels(java.util.Collection<UUID> ids) {
        List<UUID> known = ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (known.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        customers.findAllById(known).forEach(c -> names.put(c.getId(), c.getName()));
        return names;
    }

    /** Transfers a customer and its contacts to another user (转移), after the assignment check (A5). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public CustomerView transfer(UUID id, UUID targetUserId) {
        Customer customer = visible(id);
        UUID targetDepartment = access.checkHandOver(MODULE, targetUserId);
        UUID previousOwner = customer.getOwnerId();
        Instant now = clock.instant();
        customer.transferTo(targetUserId, targetDepartment, now);
        contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(id).forEach(c -> c.followOwner(customer, now));
        audit.record(AuditAction.ASSIGN, "customer", id, "ownerId", String.valueOf(previousOwner),
                String.valueOf(targetUserId), null);
        events.publishEvent(new CustomerAssigned(id, customer.getNumber(), customer.getName(), targetUserId,
                previousOwner, currentUser()));
        customers.flush();
        search.indexWithContacts(customer);
        return views(List.of(customer)).get(0);
    }

    /** Archives a customer (B7): it leaves default lists but keeps its history and stays searchable. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CustomerView archive(UUID id, String reason) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty() || trimmed.length() > 500) {
            throw BusinessRuleException.onField("reason", "customer.archive.reason");
        }
        Customer customer = editable(id);
        customer.archive(trimmed, clock.instant());
        customers.flush();
        search.indexWithContacts(customer);
        return views(List.of(customer)).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CustomerView reactivate(UUID id) {
        Customer customer = editable(id);
        customer.reactivate(clock.instant());
        customers.flush();
        search.indexWithContacts(customer);
        return views(List.of(customer)).get(0);
    }

    /**
     * Deletes a customer for good (B7): administrators only, and only a customer nothing happened to since it was
     * created — no changes, contacts, relations or merges. Anything else is archived instead.
     */
    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('ROLE_ADMIN')")
    public void delete(UUID id) {
        Customer customer = editable(id);
        if (audit.hasHistoryBeyondCreation("customer", id)
                || !contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(id).isEmpty()
                || !relations.involving(id).isEmpty() || !merges.findByMergedId(id).isEmpty()
                || !merges.findBySurvivorIdOrderByMergedAtDesc(id).isEmpty()
                || changeRequests.existsByCustomerId(id)) {
            throw BusinessRuleException.conflict(null, "customer.delete.hasHistory", customer.getName());
        }
        customer.tag(Set.of());
        customers.delete(customer);
        customers.flush();
        search.remove(customer);
        events.publishEvent(new org.openloop.crm.shared.RecordDeleted(MODULE, id));
    }

    /**
     * The id and name of the current customer with exactly this name, for other modules' demo data only: it ignores
     * data scope, so it must never answer a user's request.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<CustomerRef> demoCustomerNamed(String name) {
        return customers.findTop10ByNameKeyAndMergedIntoIsNull(CompanyNames.key(name)).stream()
                .filter(c -> c.getName().equals(name)).findFirst()
                .map(c -> new CustomerRef(c.getId(), c.getName(), c.getOwnerId()));
    }

    /** A customer's id, name and owner. */
    public record CustomerRef(UUID id, String name, UUID ownerId) {
    }

    /** The audit history of a customer the caller may see. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> history(UUID id, ListRequest request) {
        visible(id);
        return audit.historyOf("customer", id, request);
    }

    /** Exports the customers matching {@code request} that the caller may see, masked as on screen (B9). */
    @RequiresPermission(module = MODULE, action = "export")
    public void export(ListRequest request, Exports.Format format, List<String> headers,
            java.util.function.Function<CustomerView, List<?>> row, ZoneId zone, HttpServletResponse response)
            throws IOException {
        ListRequest narrowed = search.narrowCustomers(request, pooled(request));
        exports.writeList(response, format, "customers", "customer", headers, zone, narrowed,
                page -> CUSTOMER_QUERY.page(customers, page, listRestriction(narrowed)), this::views, row);
    }

    /** Whether a list request is for the pool (pool=true), which every customer viewer may read. */
    private static boolean pooled(ListRequest request) {
        return "true".equalsIgnoreCase(request.filters().get("pool"));
    }

    private Specification<Customer> listRestriction(ListRequest request) {
        // the pool (pool=true) is open to every customer viewer; every other list shows owned customers in scope
        Specification<Customer> scope = pooled(request) ? POOLED
                : access.currentScope().<Customer>toSpecification().and(Specification.not(POOLED));
        if (!request.filters().containsKey("archived") || request.filters().get("archived").isBlank()) {
            scope = scope.and((root, query, cb) -> cb.isFalse(root.get("archived")));
        }
        scope = scope.and(tagFilter(request)).and(customFields.filter(MODULE, request.filters()));
        String activity = request.filters().get("activity");
        if (activity != null && !activity.isBlank()) {
            Instant threshold = clock.instant().minus(dormantAfter);
            boolean active = switch (activity.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "ACTIVE" -> true;
                case "DORMANT" -> false;
                default -> throw new org.openloop.crm.shared.InvalidQueryException("activity", "query.filter.invalid",
                        "activity");
            };
            Specification<Customer> recent = (root, query, cb) -> cb.greaterThanOrEqualTo(
                    cb.coalesce(root.<Instant>get("lastInteractionAt"), root.<Instant>get("createdAt")), threshold);
            scope = scope.and(active ? recent : Specification.not(recent));
        }
        return scope;
    }

    /** {@code tags=<id>,<id>} with {@code tagMatch=any} (default) or {@code all} (B3). */
    private static Specification<Customer> tagFilter(ListRequest request) {
        String raw = request.filters().get("tags");
        if (raw == null || raw.isBlank()) {
            return Specification.unrestricted();
        }
        Set<UUID> ids = new HashSet<>();
        try {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    ids.add(UUID.fromString(part.trim()));
                }
            }
        }
        catch (IllegalArgumentException e) {
            throw new org.openloop.crm.shared.InvalidQueryException("tags", "query.filter.invalid", "tags");
        }
        if (ids.isEmpty() || ids.size() > 20) {
            throw new org.openloop.crm.shared.InvalidQueryException("tags", "query.filter.invalid", "tags");
        }
        String match = request.filters().getOrDefault("tagMatch", "any");
        boolean all = switch (match.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "", "any" -> false;
            case "all" -> true;
            default -> throw new org.openloop.crm.shared.InvalidQueryException("tagMatch", "query.filter.invalid",
                    "tagMatch");
        };
        return (root, query, cb) -> {
            var tagged = query.subquery(UUID.class);
            var customer = tagged.from(Customer.class);
            var tag = customer.<Customer, UUID>joinSet("tagIds");
            tagged.select(customer.get("id")).where(tag.in(ids));
            if (all) {
                tagged.groupBy(customer.get("id")).having(cb.equal(cb.countDistinct(tag), (long) ids.size()));
            }
            return root.get("id").in(tagged);
        };
    }

    /** A customer the caller may see: in their data scope, or in the pool (B5). */
    Customer visible(UUID id) {
        Specification<Customer> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return customers.findOne(byId.and(access.currentScope().<Customer>toSpecification().or(POOLED)))
                .orElseThrow(() -> new RecordNotFoundException("customer", id));
    }

    /** A customer the caller may change: in their data scope; a pooled customer must be claimed first. */
    Customer editable(UUID id) {
        return customers.getVisible(id, access.currentScope(), "customer");
    }

    /**
     * Changes an existing customer's details; every such change goes through here, so that a new name is told to the
     * modules keeping it with their own records ({@link CustomerRenamed}), and only a new name.
     */
    void changeDetails(Customer customer, Customer.Details details, Instant now) {
        String before = customer.getName();
        customer.update(details, now);
        if (!java.util.Objects.equals(before, customer.getName())) {
            events.publishEvent(new CustomerRenamed(customer.getId(), customer.getName()));
        }
    }

    static final Specification<Customer> POOLED = (root, query, cb) -> cb.isNull(root.get("ownerId"));

    private static Customer.Details details(CustomerDraft draft, Customer current) {
        String phone = SensitiveData.keepIfMasked("phone", MaskStyle.PHONE, draft.phone(), current.getPhone());
        String email = SensitiveData.keepIfMasked("email", MaskStyle.EMAIL, draft.email(), current.getEmail());
        return new Customer.Details(draft.name(), draft.industry(), draft.size(), draft.type(), draft.level(),
                draft.source(), draft.address(), PhoneNumbers.normalise(phone), email, draft.website(),
                draft.background(), draft.painPoints());
    }

    private List<CustomerView> views(List<Customer> list) {
        return views(list, null);
    }

    /**
     * The views of {@code list}; {@code newFields} holds the custom-field values of customers created in this call,
     * which have no tags or pending changes yet, or is {@code null} to read all of it.
     */
    private List<CustomerView> views(List<Customer> list, Map<UUID, Map<String, Object>> newFields) {
        Map<UUID, String> owners = organization.names(list.stream().map(Customer::getOwnerId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Instant threshold = clock.instant().minus(dormantAfter);
        var rules = pool.byLevel();
        boolean created = newFields != null;
        Map<UUID, Map<String, Object>> fields = created ? newFields
                : customFields.valuesOf(MODULE, list.stream().map(Customer::getId).toList());
        Map<UUID, List<TagRef>> tags = created ? Map.of() : tagRefs.of(list);
        Map<UUID, List<String>> pending = created ? Map.of() : changeRequests.findByCustomerIdInAndStatus(
                list.stream().map(Customer::getId).toList(), "PENDING").stream()
                .collect(Collectors.groupingBy(r -> r.getCustomerId(),
                        Collectors.mapping(r -> r.getField(), Collectors.toList())));
        return list.stream().map(c -> SensitiveData.mask(new CustomerView(c.getId(), c.getNumber(), c.getName(),
                c.getIndustry(), c.getSize(), c.getType(), c.getLevel(), c.getSource(),
                activity(c, threshold), c.getAddress(), c.getPhone(), c.getEmail(), c.getWebsite(),
                c.getBackground(), c.getPainPoints(), c.getOwnerId(), owners.get(c.getOwnerId()),
                c.getDepartmentId(), c.isArchived(), c.getArchiveReason(), c.getLastInteractionAt(),
                c.getPooledAt(), c.getPoolReason(), CustomerPoolRules.returnDue(c, rules.get(c.getLevel())),
                tags.getOrDefault(c.getId(), List.of()), pending.getOrDefault(c.getId(), List.of()),
                c.getCreatedAt(), c.getVersion(), fields.get(c.getId()))))
                .toList();
    }

    private static ActivityState activity(Customer customer, Instant threshold) {
        Instant last = customer.getLastInteractionAt() != null ? customer.getLastInteractionAt()
                : customer.getCreatedAt();
        return last.isBefore(threshold) ? ActivityState.DORMANT : ActivityState.ACTIVE;
    }

    // --- contacts ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @RequiresPermission(module = CONTACT_MODULE, action = "view")
    public CursorPage<ContactView> contacts(ListRequest request) {
        request = search.narrowContacts(request);
        CursorPage<Contact> page = CONTACT_QUERY.page(contacts, request, contactRestriction(request));
        return new CursorPage<>(contactViews(page.items()), page.nextCursor());
    }

    /** The audit history of a contact the caller may see (B2). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = CONTACT_MODULE, action = "view")
    public CursorPage<AuditEntry> contactHistory(UUID id, ListRequest request) {
        contact(id);
        return audit.historyOf("contact", id, request);
    }

    /** How many contacts the same list holds, exact up to the cap (K3). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = CONTACT_MODULE, action = "view")
    public org.openloop.crm.shared.CappedCount contactCount(ListRequest request) {
        request = search.narrowContacts(request);
        return counts.count(Contact.class, CONTACT_QUERY.specification(request).and(contactRestriction(request)));
    }

    /** The reader's scope and the custom-field filters ({@code cf.<key>…}, B11) of a contact list. */
    private Specification<Contact> contactRestriction(ListRequest request) {
        return access.currentScope().<Contact>toSpecification()
                .and(customFields.filter(CONTACT_MODULE, request.filters()));
    }

    /** The contacts of one customer, primary first. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = CONTACT_MODULE, action = "view")
    public List<ContactView> contactsOf(UUID customerId) {
        visible(customerId);
        return contactViews(contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(customerId));
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = CONTACT_MODULE, action = "view")
    public ContactView contact(UUID id) {
        return contactViews(List.of(visibleContact(id))).get(0);
    }

    @Transactional
    @RequiresPermission(module = CONTACT_MODULE, action = "create")
    public ContactView createContact(ContactDraft draft) {
        InsertedContact inserted = insertContact(draft);
        // built from what was just written, as for customers
        return contactView(inserted.contact(), inserted.customerName(), inserted.fields());
    }

    /** Creates a contact exactly as {@link #createContact} does and answers only its id (see {@link #createReturningNumber}). */
    @Transactional
    @RequiresPermission(module = CONTACT_MODULE, action = "create")
    public UUID createContactReturningId(ContactDraft draft) {
        return insertContact(draft).contact().getId();
    }

    /**
     * Creates many contacts as {@link #createContact} creates each, answering their ids in order; the customers are
     * checked for visibility with one query and the search documents written as one batch (see {@link #createAll}).
     */
    @Transactional
    @RequiresPermission(module = CONTACT_MODULE, action = "create")
    public List<UUID> createContactsAll(List<ContactDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        var scope = access.currentScope();
        Map<UUID, Customer> visible = customers.findAllById(drafts.stream().map(ContactDraft::customerId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet())).stream()
                .filter(scope::allows).collect(Collectors.toMap(Customer::getId, c -> c));
        List<UUID> ids = new ArrayList<>(drafts.size());
        List<org.openloop.crm.search.SearchDocument> documents = new ArrayList<>(drafts.size());
        for (ContactDraft draft : drafts) {
            Customer customer = visible.get(draft.customerId());
            if (customer == null) {
                throw BusinessRuleException.onField("customerId", "contact.customer.unknown");
            }
            Contact contact = insertContact(draft, customer).contact();
            documents.add(CustomerSearch.document(contact, customer));
            ids.add(contact.getId());
        }
        search.indexAll(documents);
        return ids;
    }

    private InsertedContact insertContact(ContactDraft draft) {
        Customer customer = customerForContact(draft.customerId());
        InsertedContact inserted = insertContact(draft, customer);
        search.index(inserted.contact(), customer);
        return inserted;
    }

    /** A contact just written, with the custom-field values stored for it. */
    private record InsertedContact(Contact contact, String customerName, Map<String, Object> fields) {
    }

    private InsertedContact insertContact(ContactDraft draft, Customer customer) {
        Contact contact = new Contact(customer, clock.instant());
        applyContact(contact, draft);
        contacts.save(contact);
        return new InsertedContact(contact, customer.getName(), customFields.saveNew(CONTACT_MODULE,
                contact.getId(), draft.customFields()));
    }

    @Transactional
    @RequiresPermission(module = CONTACT_MODULE, action = "edit")
    public ContactView updateContact(UUID id, ContactDraft draft, boolean versionFromIfMatch) {
        Contact contact = visibleContact(id);
        VersionConflictException.check("contact", id, draft.version(), contact.getVersion(), versionFromIfMatch);
        if (!contact.getCustomerId().equals(draft.customerId())) {
            throw BusinessRuleException.onField("customerId", "contact.customer.fixed");
        }
        applyContact(contact, draft);
        customFields.save(CONTACT_MODULE, id, draft.customFields());
        contacts.flush();
        search.index(contact, visible(contact.getCustomerId()));
        return contactViews(List.of(contact)).get(0);
    }

    @Transactional
    @RequiresPermission(module = CONTACT_MODULE, action = "delete")
    public void deleteContact(UUID id) {
        Contact contact = visibleContact(id);
        contacts.delete(contact);
        search.remove(contact);
        events.publishEvent(new org.openloop.crm.shared.RecordDeleted(CONTACT_MODULE, id));
    }

    private Customer customerForContact(UUID customerId) {
        return customers.findVisible(customerId, access.currentScope())
                .orElseThrow(() -> BusinessRuleException.onField("customerId", "contact.customer.unknown"));
    }

    private void applyContact(Contact contact, ContactDraft draft) {
        Instant now = clock.instant();
        if (draft.primaryContact()) {
            contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(contact.getCustomerId()).stream()
                    .filter(other -> !other.getId().equals(contact.getId()))
                    .forEach(other -> other.notPrimary(now));
        }
        String mobile = SensitiveData.keepIfMasked("mobile", MaskStyle.PHONE, draft.mobile(), contact.getMobile());
        String office = SensitiveData.keepIfMasked("officePhone", MaskStyle.PHONE, draft.officePhone(),
                contact.getOfficePhone());
        String email = SensitiveData.keepIfMasked("email", MaskStyle.EMAIL, draft.email(), contact.getEmail());
        contact.update(new Contact.Details(draft.name(), draft.title(), PhoneNumbers.normalise(mobile),
                PhoneNumbers.normalise(office), email, draft.birthday(), draft.keyDecisionMaker(),
                draft.primaryContact()), now);
    }

    private Contact visibleContact(UUID id) {
        return contacts.getVisible(id, access.currentScope(), "contact");
    }

    private List<ContactView> contactViews(List<Contact> list) {
        Set<UUID> customerIds = list.stream().map(Contact::getCustomerId).collect(Collectors.toCollection(HashSet::new));
        Map<UUID, String> names = new HashMap<>();
        customers.findAllById(customerIds).forEach(c -> names.put(c.getId(), c.getName()));
        Map<UUID, Map<String, Object>> fields = customFields.valuesOf(CONTACT_MODULE,
                list.stream().map(Contact::getId).toList());
        return list.stream().map(c -> contactView(c, names.get(c.getCustomerId()), fields.get(c.getId()))).toList();
    }

    private static ContactView contactView(Contact c, String customerName, Map<String, Object> fields) {
        return SensitiveData.mask(new ContactView(c.getId(), c.getCustomerId(), customerName, c.getName(),
                c.getTitle(), c.getMobile(), c.getOfficePhone(), c.getEmail(), c.getBirthday(),
                c.isKeyDecisionMaker(), c.isPrimaryContact(), c.getCreatedAt(), c.getVersion(), fields));
    }

    static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
    }
}
