package org.openloop.crm.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.openloop.crm.activity.internal.Interaction;
import org.openloop.crm.activity.internal.Interactions;
import org.openloop.crm.activity.internal.Todo;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.ContactView;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerTags;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
import org.openloop.crm.sales.OpportunityWork;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interactions with customers (C1). The author owns an interaction (their department with it); reads go through
 * the scoped repository. Saving one moves the customer's last-interaction time, can change the customer's type and
 * tags in the same transaction (with the customer's own edit rules), and turns to-dos into tasks on request.
 */
@Service
public class InteractionManagement {

    static final String MODULE = "activity";

    static final ListQuery<Interaction> QUERY = ListQuery.of(Interaction.class)
            .sortable("occurredAt", Instant.class)
            .sortable("createdAt", Instant.class)
            .sortable("subject", String.class)
            .filter("customerId", UUID.class, Match.EQUALS)
            .filter("opportunityId", UUID.class, Match.EQUALS)
            .filter("channel", InteractionChannel.class, Match.EQUALS)
            .filter("ownerId", UUID.class, Match.EQUALS)
            .filter("departmentId", UUID.class, Match.EQUALS)
            .searchable("subject")
            .defaultSort("-occurredAt")
            .build();

    private final Interactions interactions;
    private final TaskManagement tasks;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final CustomerManagement customers;
    private final CustomerTags tags;
    private final OpportunityManagement opportunities;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final org.openloop.crm.activity.internal.InteractionSearch search;

    private final org.openloop.crm.platform.Exports exports;

    InteractionManagement(Interactions interactions, TaskManagement tasks, AccessControl access,
            OrganizationManagement organization, CustomerManagement customers, CustomerTags tags,
            OpportunityManagement opportunities, AuditTrail audit, ApplicationEventPublisher events, Clock clock, org.openloop.crm.activity.internal.InteractionSearch search, org.openloop.crm.platform.Exports exports) {
        this.exports = exports;
        this.search = search;
        this.interactions = interactions;
        this.tasks = tasks;
        this.access = access;
        this.organization = organization;
        this.customers = customers;
        this.tags = tags;
        this.opportunities = opportunities;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<InteractionView> interactions(ListRequest request) {
        CursorPage<Interaction> page = interactions.pageVisible(QUERY, request, access.currentScope());
        return new CursorPage<>(views(page.items()), page.nextCursor());
    }

    /**
     * Exports the interactions matching {@code request} (the list's own filters and sort) that the caller may see: the
     * same data scope as the list, streamed in keyset batches, formulas neutralised, the export audited.
     */
    @RequiresPermission(module = MODULE, action = "export")
    public void export(ListRequest request, org.openloop.crm.platform.Exports.Format format, List<String> headers,
            java.util.function.Function<InteractionView, List<?>> row, java.time.ZoneId zone,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        org.openloop.crm.shared.DataScope scope = access.currentScope();
        exports.writeList(response, format, "interactions", "interaction", headers, zone, request,
                page -> interactions.pageVisible(QUERY, page, scope), this::views, row);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public InteractionView interaction(UUID id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public InteractionView create(InteractionDraft draft) {
        UUID me = TaskManagement.currentUser();
        checkCustomer(draft.customerId());
        if (draft.opportunityId() != null) {
            checkOpportunity(draft.customerId(), draft.opportunityId());
        }
        Interaction interaction = new Interaction(draft.customerId(), me, access.departmentOf(me), clock.instant());
        interaction.linkOpportunity(draft.opportunityId(), clock.instant());
        apply(interaction, draft);
        interactions.save(interaction);
        search.index(interaction);
        afterSave(interaction, draft);
        return views(List.of(interaction)).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public InteractionView update(UUID id, InteractionDraft draft, boolean versionFromIfMatch) {
        Interaction interaction = visible(id);
        VersionConflictException.check("interaction", id, draft.version(), interaction.getVersion(),
                versionFromIfMatch);
        if (!interaction.getCustomerId().equals(draft.customerId())) {
            throw BusinessRuleException.onField("customerId", "interaction.customer.fixed");
        }
        if (draft.opportunityId() != null && !draft.opportunityId().equals(interaction.getOpportunityId())) {
            checkOpportunity(draft.customerId(), draft.opportunityId());
        }
        if (!java.util.Objects.equals(draft.opportunityId(), interaction.getOpportunityId())) {
            interaction.linkOpportunity(draft.opportunityId(), clock.instant());
        }
        apply(interaction, draft);
        interactions.flush();
        search.index(interaction);
        afterSave(interaction, draft);
        return views(List.of(interaction)).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void delete(UUID id) {
        interactions.delete(visible(id));
        search.remove(id);
    }

    /** Turns one to-do of an interaction into a task ("make task"); a to-do that already is one answers 409. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public TaskView makeTask(UUID id, int index) {
        Interaction interaction = visible(id);
        if (index < 0 || index >= interaction.getTodos().size()) {
            throw BusinessRuleException.onField("index", "interaction.todo.unknown");
        }
        Todo todo = interaction.getTodos().get(index);
        if (todo.getTaskId() != null) {
            throw BusinessRuleException.conflict("index", "interaction.todo.alreadyTask");
        }
        TaskView task = tasks.fromTodo(interaction, index);
        interactions.flush();
        return task;
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> history(UUID id, ListRequest request) {
        visible(id);
        return audit.historyOf("interaction", id, request);
    }

    private void apply(Interaction interaction, InteractionDraft draft) {
        if (draft.occurredAt().isAfter(clock.instant().plus(java.time.Duration.ofDays(1)))) {
            throw BusinessRuleException.onField("occurredAt", "interaction.occurredAt.future");
        }
        if (!draft.participantIds().isEmpty()) {
            Map<UUID, String> known = organization.names(draft.participantIds());
            if (!known.keySet().containsAll(draft.participantIds())) {
                throw BusinessRuleException.onField("participantIds", "interaction.participants.unknown");
            }
        }
        if (!draft.contactIds().isEmpty()) {
            Set<UUID> ofCustomer = customers.contactsOf(draft.customerId()).stream().map(ContactView::id)
                    .collect(Collectors.toSet());
            if (!ofCustomer.containsAll(draft.contactIds())) {
                throw BusinessRuleException.onField("contactIds", "interaction.contacts.unknown");
            }
        }
        interaction.update(new Interaction.Details(draft.channel(), draft.occurredAt(), draft.place(),
                draft.subject(), draft.summary(), draft.feedback(), draft.agreements(), draft.participantIds(),
                draft.contactIds()), clock.instant());
        interaction.replaceTodos(draft.todos().stream()
                .map(t -> new Todo(t.text(), t.ownerId(), t.dueAt())).toList());
    }

    private void afterSave(Interaction interaction, InteractionDraft draft) {
        if (draft.createTasks()) {
            for (int i = 0; i < interaction.getTodos().size(); i++) {
                if (interaction.getTodos().get(i).getTaskId() == null) {
                    tasks.fromTodo(interaction, i);
                }
            }
        }
        if (draft.customerType() != null) {
            customers.changeType(interaction.getCustomerId(), draft.customerType());
        }
        if (draft.tagIds() != null) {
            tags.tag(interaction.getCustomerId(), draft.tagIds(), List.of());
        }
        customers.recordInteraction(interaction.getCustomerId(), interaction.getOccurredAt());
        events.publishEvent(new InteractionRecorded(interaction.getId(), interaction.getCustomerId(),
                interaction.getOccurredAt()));
    }

    /**
     * An interaction may name an opportunity the caller can see (404 otherwise), of the same customer, that accepts
     * new activity (F2: a closed one refuses with the sales module's localised 409).
     */
    private void checkOpportunity(UUID customerId, UUID opportunityId) {
        OpportunityRef opportunity = opportunities.ref(opportunityId);
        if (!opportunity.customerId().equals(customerId)) {
            throw BusinessRuleException.onField("opportunityId", "interaction.opportunity.otherCustomer");
        }
        opportunities.requireAcceptsNewWork(opportunityId, OpportunityWork.ACTIVITY);
    }

    private void checkCustomer(UUID customerId) {
        if (!customers.names(Set.of(customerId)).containsKey(customerId)) {
            throw BusinessRuleException.onField("customerId", "interaction.customer.unknown");
        }
    }

    Interaction visible(UUID id) {
        return interactions.getVisible(id, access.currentScope(), "interaction");
    }

    List<InteractionView> views(List<Interaction> list) {
        Set<UUID> users = new HashSet<>();
        Set<UUID> customerIds = new HashSet<>();
        for (Interaction i : list) {
            users.add(i.getOwnerId());
            users.addAll(i.getParticipantIds());
            i.getTodos().forEach(t -> users.add(t.getOwnerId()));
            customerIds.add(i.getCustomerId());
        }
        users.remove(null);
        Map<UUID, String> names = new HashMap<>(users.isEmpty() ? Map.of() : organization.names(users));
        Map<UUID, String> customerNames = new HashMap<>(customers.names(customerIds));
        Map<UUID, String> contactNames = new HashMap<>();
        if (list.size() == 1 && !list.get(0).getContactIds().isEmpty()) {
            try {
                customers.contactsOf(list.get(0).getCustomerId()).forEach(c -> contactNames.put(c.id(), c.name()));
            }
            catch (RuntimeException e) {
                // without the contact right the names stay hidden; the ids remain
            }
        }
        return list.stream().map(i -> {
            List<UUID> participants = List.copyOf(i.getParticipantIds());
            List<UUID> contacts = List.copyOf(i.getContactIds());
            List<InteractionView.TodoView> todos = IntStream.range(0, i.getTodos().size()).mapToObj(n -> {
                Todo t = i.getTodos().get(n);
                return new InteractionView.TodoView(n, t.getContent(), t.getOwnerId(), names.get(t.getOwnerId()),
                        t.getDueAt(), t.getTaskId());
            }).toList();
            return new InteractionView(i.getId(), i.getCustomerId(), customerNames.get(i.getCustomerId()),
                    i.getOpportunityId(), i.getChannel(), i.getOccurredAt(), i.getPlace(), participants,
                    participants.stream().map(p -> names.getOrDefault(p, "—")).toList(), contacts,
                    contacts.stream().map(c -> contactNames.getOrDefault(c, "—")).filter(Objects::nonNull).toList(),
                    i.getSubject(), i.getSummary(), i.getFeedback(), i.getAgreements(), todos, i.getOwnerId(),
                    names.get(i.getOwnerId()), i.getDepartmentId(), i.getCreatedAt(), i.getVersion());
        }).toList();
    }
}
