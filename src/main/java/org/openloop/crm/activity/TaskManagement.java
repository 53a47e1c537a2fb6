package org.openloop.crm.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.activity.internal.ActivityNotices;
import org.openloop.crm.activity.internal.Interaction;
import org.openloop.crm.activity.internal.Task;
import org.openloop.crm.activity.internal.Tasks;
import org.openloop.crm.activity.internal.Todo;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
import org.openloop.crm.sales.OpportunityWork;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks and activities (D1-D3, D5). Reads go through the scoped repository (a task outside the caller's scope is a
 * 404); the owner is the creator unless the caller assigns it, which needs the assign right and passes the
 * assignment check (A5). Rescheduling from the calendar goes through {@link #reschedule} with the same rules and
 * optimistic lock as the form.
 */
@Service
public class TaskManagement {

    static final String MODULE = "activity";

    static final ListQuery<Task> QUERY = ListQuery.of(Task.class)
            .sortable("dueAt", Instant.class)
            .sortable("startAt", Instant.class)
            .sortable("createdAt", Instant.class)
            .sortable("priority", TaskPriority.class)
            .filter("status", TaskStatus.class, Match.EQUALS)
            .filter("kind", TaskKind.class, Match.EQUALS)
            .filter("priority", TaskPriority.class, Match.EQUALS)
            .filter("ownerId", UUID.class, Match.EQUALS)
            .filter("departmentId", UUID.class, Match.EQUALS)
            .filter("customerId", UUID.class, Match.EQUALS)
            .filter("opportunityId", UUID.class, Match.EQUALS)
            .filter("interactionId", UUID.class, Match.EQUALS)
            .searchable("subject")
            .defaultSort("dueAt")
            .build();

    private final Tasks tasks;
    private final org.openloop.crm.activity.internal.Interactions interactions;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final CustomerManagement customers;
    private final OpportunityManagement opportunities;
    private final ActivityNotices notices;
    private final Clock clock;
    private final ZoneId zone;

    private final org.openloop.crm.activity.internal.TaskSearch search;

    private final org.openloop.crm.platform.Exports exports;

    TaskManagement(Tasks tasks, org.openloop.crm.activity.internal.Interactions interactions, AccessControl access, OrganizationManagement organization,
            CustomerManagement customers, OpportunityManagement opportunities, ActivityNotices notices, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone, org.openloop.crm.activity.internal.TaskSearch search, org.openloop.crm.platform.Exports exports) {
        this.exports = exports;
        this.search = search;
        this.tasks = tasks;
        this.interactions = interactions;
        this.access = access;
        this.organization = organization;
        this.customers = customers;
        this.opportunities = opportunities;
        this.notices = notices;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<TaskView> tasks(ListRequest request) {
        CursorPage<Task> page = tasks.pageVisible(QUERY, request, access.currentScope());
        return new CursorPage<>(views(page.items()), page.nextCursor());
    }

    /**
     * Exports the tasks matching {@code request} (the list's own filters and sort) that the caller may see: the
     * same data scope as the list, streamed in keyset batches, formulas neutralised, the export audited.
     */
    @RequiresPermission(module = MODULE, action = "export")
    public void export(ListRequest request, org.openloop.crm.platform.Exports.Format format, List<String> headers,
            java.util.function.Function<TaskView, List<?>> row, java.time.ZoneId zone,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        org.openloop.crm.shared.DataScope scope = access.currentScope();
        exports.writeList(response, format, "tasks", "task", headers, zone, request,
                page -> tasks.pageVisible(QUERY, page, scope), this::views, row);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public TaskView task(UUID id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public MyTasks mine() {
        UUID me = currentUser();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant startOfTomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant horizon = today.plusDays(15).atStartOfDay(zone).toInstant();
        Specification<Task> mineOpen = (root, query, cb) -> cb.and(cb.equal(root.get("ownerId"), me),
                root.get("status").in(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS),
                cb.lessThan(root.get("dueAt"), horizon));
        List<TaskView> open = views(tasks.findAll(mineOpen, Sort.by("dueAt", "id")));
        return new MyTasks(
                open.stream().filter(t -> t.dueAt().isBefore(now)).toList(),
                open.stream().filter(t -> !t.dueAt().isBefore(now) && t.dueAt().isBefore(startOfTomorrow)).toList(),
                open.stream().filter(t -> !t.dueAt().isBefore(startOfTomorrow)).toList());
    }

    /**
     * The tasks of {@code userId} (the caller when {@code null}) due from {@code from} (inclusive) to {@code to} (exclusive), for the calendar. Another
     * user's calendar is open only to those whose scope covers that user's records (managers over their team).
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<TaskView> calendar(UUID userId, Instant from, Instant to) {
        UUID user = userId == null ? currentUser() : userId;
        DataScope scope = access.currentScope();
        if (!scope.allows(user, access.departmentOf(user))) {
            throw new RecordNotFoundException("user", user);
        }
        Specification<Task> window = (root, query, cb) -> cb.and(cb.equal(root.get("ownerId"), user),
                cb.greaterThanOrEqualTo(root.get("dueAt"), from), cb.lessThan(root.get("dueAt"), to));
        return views(tasks.findAll(window.and(scope.toSpecification()), Sort.by("dueAt", "id")));
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public TaskView create(TaskDraft draft) {
        UUID me = currentUser();
        UUID owner = draft.assigneeId() == null ? me : draft.assigneeId();
        UUID department = access.departmentOf(owner);
        checkAssignment(me, owner, department);
        Task task = new Task(me, owner, department, null, clock.instant());
        task.update(details(draft, null), clock.instant());
        tasks.save(task);
        search.index(task);
        if (!owner.equals(me)) {
            notices.assigned(task, me);
        }
        return views(List.of(task)).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public TaskView update(UUID id, TaskDraft draft, boolean versionFromIfMatch) {
        Task task = visible(id);
        VersionConflictException.check("task", id, draft.version(), task.getVersion(), versionFromIfMatch);
        task.update(details(draft, task), clock.instant());
        if (draft.assigneeId() != null && !draft.assigneeId().equals(task.getOwnerId())) {
            reassign(task, draft.assigneeId());
        }
        tasks.flush();
        search.index(task);
        return views(List.of(task)).get(0);
    }

    /** Moves a task to another time (calendar drag and drop), keeping its length; stale versions are refused. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public TaskView reschedule(UUID id, Instant newDue, Long version) {
        Task task = visible(id);
        VersionConflictException.check("task", id, version, task.getVersion(), false);
        if (newDue == null) {
            throw BusinessRuleException.onField("dueAt", "task.dueAt.required");
        }
        Instant newStart = task.getStartAt() == null ? null
                : newDue.minus(java.time.Duration.between(task.getStartAt(), task.getDueAt()));
        task.reschedule(newStart, newDue, clock.instant());
        tasks.flush();
        return views(List.of(task)).get(0);
    }

    /** Assigns a task to another user (D3): assign right, assignment check (A5), and within the caller's scope. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public TaskView assign(UUID id, UUID assigneeId) {
        Task task = visible(id);
        if (assigneeId == null) {
            throw BusinessRuleException.onField("assigneeId", "assignment.refused.unknown");
        }
        reassign(task, assigneeId);
        tasks.flush();
        search.index(task);
        return views(List.of(task)).get(0);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void delete(UUID id) {
        tasks.delete(visible(id));
        search.remove(id);
    }

    /** Turns a to-do of an interaction into a task of the to-do's owner, linked to the interaction and customer. */
    TaskView fromTodo(Interaction interaction, int index) {
        Todo todo = interaction.getTodos().get(index);
        UUID me = currentUser();
        UUID owner = todo.getOwnerId() == null ? me : todo.getOwnerId();
        UUID department = access.departmentOf(owner);
        checkAssignment(me, owner, department);
        Instant now = clock.instant();
        Instant due = todo.getDueAt() != null ? todo.getDueAt()
                : now.atZone(zone).toLocalDate().plusDays(1).atTime(18, 0).atZone(zone).toInstant();
        if (interaction.getOpportunityId() != null) {
            opportunities.requireAcceptsNewWork(interaction.getOpportunityId(), OpportunityWork.ACTIVITY);
        }
        Task task = new Task(me, owner, department, interaction.getId(), now);
        String subject = todo.getContent().length() > 200 ? todo.getContent().substring(0, 200) : todo.getContent();
        task.update(new Task.Details(subject, TaskKind.CUSTOMER, TaskPriority.MEDIUM, TaskStatus.NOT_STARTED, null,
                due, 30, null, interaction.getCustomerId(), interaction.getOpportunityId(), null,
                interaction.getSubject(), null), now);
        tasks.save(task);
        search.index(task);
        interactions.linkTodo(interaction.getId(), index, task.getId());
        interaction.linkTodo(index, task.getId());
        if (!owner.equals(me)) {
            notices.assigned(task, me);
        }
        return views(List.of(task)).get(0);
    }

    private void reassign(Task task, UUID assigneeId) {
        UUID me = currentUser();
        UUID department = access.departmentOf(assigneeId);
        checkAssignment(me, assigneeId, department);
        task.assignTo(assigneeId, department, clock.instant());
        if (!assigneeId.equals(me)) {
            notices.assigned(task, me);
        }
    }

    private void checkAssignment(UUID me, UUID owner, UUID department) {
        if (owner.equals(me)) {
            return;
        }
        if (!access.hasPermission(me, MODULE, Authorities.Action.ASSIGN)) {
            throw new AccessDeniedException("activity:assign");
        }
        access.checkAssignable(MODULE, owner, owner, department);
        if (!access.currentScope().allows(owner, department)) {
            throw BusinessRuleException.onField("assigneeId", "task.assign.outsideScope");
        }
    }

    private Task.Details details(TaskDraft draft, Task current) {
        if (draft.startAt() != null && draft.startAt().isAfter(draft.dueAt())) {
            throw BusinessRuleException.onField("startAt", "task.startAt.afterDue");
        }
        if (draft.customerId() != null
                && (current == null || !draft.customerId().equals(current.getCustomerId()))
                && !customers.names(Set.of(draft.customerId())).containsKey(draft.customerId())) {
            throw BusinessRuleException.onField("customerId", "task.customer.unknown");
        }
        UUID customerId = draft.customerId();
        if (draft.opportunityId() != null
                && (current == null || !draft.opportunityId().equals(current.getOpportunityId()))) {
            customerId = checkOpportunity(draft.opportunityId(), customerId);
        }
        return new Task.Details(draft.subject(), draft.kind(), draft.priority(), draft.status(), draft.startAt(),
                draft.dueAt(), draft.remindMinutesBefore(), draft.remindMinutesBefore() == null ? draft.remindAt() : null,
                customerId, draft.opportunityId(), draft.ticketId(), draft.description(), draft.outcome());
    }

    /**
     * A task may be created for, or moved to, an opportunity the caller can see (404 otherwise) that accepts new
     * activity (F2: a closed one refuses with the sales module's localised 409). Its customer is the opportunity's;
     * a different customer is refused. Returns the customer the task gets.
     */
    private UUID checkOpportunity(UUID opportunityId, UUID customerId) {
        OpportunityRef opportunity = opportunities.ref(opportunityId);
        if (customerId != null && !customerId.equals(opportunity.customerId())) {
            throw BusinessRuleException.onField("opportunityId", "interaction.opportunity.otherCustomer");
        }
        opportunities.requireAcceptsNewWork(opportunityId, OpportunityWork.ACTIVITY);
        return opportunity.customerId();
    }

    Task visible(UUID id) {
        return tasks.getVisible(id, access.currentScope(), "task");
    }

    List<TaskView> views(List<Task> list) {
        Set<UUID> users = list.stream().map(Task::getOwnerId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        Map<UUID, String> owners = new java.util.HashMap<>(users.isEmpty() ? Map.of() : organization.names(users));
        Set<UUID> customerIds = list.stream().map(Task::getCustomerId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> customerNames = new java.util.HashMap<>(customerIds.isEmpty() || !canViewCustomers()
                ? Map.of() : customers.names(customerIds));
        Instant now = clock.instant();
        return list.stream().map(t -> new TaskView(t.getId(), t.getSubject(), t.getKind(), t.getPriority(),
                t.getStatus(), t.getStartAt(), t.getDueAt(), t.getRemindMinutes(), t.getRemindAt(), t.getCustomerId(),
                customerNames.get(t.getCustomerId()), t.getOpportunityId(), t.getTicketId(), t.getInteractionId(),
                t.getDescription(), t.getOutcome(), t.getCompletedAt(), t.getOwnerId(), owners.get(t.getOwnerId()),
                t.getCreatedBy(), t.getDepartmentId(), t.getStatus().open() && t.getDueAt().isBefore(now),
                t.getCreatedAt(), t.getVersion())).toList();
    }

    private boolean canViewCustomers() {
        return CrmPrincipal.current().map(p -> access.hasPermission(p.userId(), "customer", Authorities.Action.VIEW))
                .orElse(false);
    }

    static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow();
    }
}
