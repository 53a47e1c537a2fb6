package org.openloop.crm.collaboration;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.collaboration.internal.CollaborationAccess;
import org.openloop.crm.collaboration.internal.CollaborationAccess.Viewer;
import org.openloop.crm.collaboration.internal.CollaborationLog;
import org.openloop.crm.collaboration.internal.CollaborationLogEntry;
import org.openloop.crm.collaboration.internal.CollaborationNotices;
import org.openloop.crm.collaboration.internal.CollaborationTask;
import org.openloop.crm.collaboration.internal.CollaborationTasks;
import org.openloop.crm.collaboration.internal.CollaborationWorkflow;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.DepartmentSummary;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.platform.SequenceNumbers;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collaboration tasks (E1–E7). Every read is restricted to the tasks the caller sees ({@link CollaborationAccess});
 * every state change goes through the task's workflow; the people concerned are notified in the same transaction.
 */
@Service
public class CollaborationManagement {

    static final String MODULE = "collaboration";

    static final ListQuery<CollaborationTask> QUERY = ListQuery.of(CollaborationTask.class)
            .sortable("createdAt", Instant.class)
            .sortable("expectedAt", Instant.class)
            .sortable("number", String.class)
            .filter("state", CollaborationState.class, Match.EQUALS)
            .filter("priority", CollaborationPriority.class, Match.EQUALS)
            .filter("customerId", UUID.class, Match.EQUALS)
            .searchable("number")
            .searchable("content")
            .searchable("customerName")
            .defaultSort("-createdAt")
            .build();

    private final CollaborationTasks tasks;
    private final CollaborationLog log;
    private final CollaborationAccess visibility;
    private final CollaborationNotices notices;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final AccessControl access;
    private final SequenceNumbers numbers;
    private final Clock clock;
    private final ZoneId zone;
    private final String numberPattern;

    CollaborationManagement(CollaborationTasks tasks, CollaborationLog log, CollaborationAccess visibility,
            CollaborationNotices notices, CustomerManagement customers, OrganizationManagement organization,
            AccessControl access, SequenceNumbers numbers, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${crm.collaboration.number-pattern:X{seq:3}}") String numberPattern) {
        this.tasks = tasks;
        this.log = log;
        this.visibility = visibility;
        this.notices = notices;
        this.customers = customers;
        this.organization = organization;
        this.access = access;
        this.numbers = numbers;
        this.clock = clock;
        this.zone = zone;
        this.numberPattern = numberPattern;
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /**
     * Tasks the caller sees. Besides the declared filters: {@code involvement} = {@code mine} (started by the
     * caller), {@code asked} (asked of the caller in person), {@code departments} (asked of the caller's own,
     * coordinated or scoped departments); {@code overdue=true} (past the expected time and not done).
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<CollaborationTaskView> tasks(ListRequest request) {
        Viewer viewer = visibility.currentViewer();
        Specification<CollaborationTask> restriction = viewer.specification();
        String involvement = request.filters().get("involvement");
        if ("mine".equals(involvement)) {
            restriction = restriction.and((r, q, cb) -> cb.equal(r.get("ownerId"), viewer.userId()));
        }
        else if ("asked".equals(involvement)) {
            restriction = restriction.and(CollaborationAccess.askedOf(viewer.userId()));
        }
        else if ("departments".equals(involvement)) {
            restriction = restriction.and(CollaborationAccess.askedOfDepartments(viewer.askedDepartmentsSeen()));
        }
        if ("true".equals(request.filters().get("overdue"))) {
            Instant now = clock.instant();
            restriction = restriction.and((r, q, cb) -> cb.and(
                    cb.notEqual(r.get("state"), CollaborationState.DONE), cb.lessThan(r.get("expectedAt"), now)));
        }
        CursorPage<CollaborationTask> page = QUERY.page(tasks, request, restriction);
        return new CursorPage<>(views(page.items(), viewer), page.nextCursor());
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CollaborationTaskView task(UUID id) {
        Viewer viewer = visibility.currentViewer();
        return views(List.of(visibility.visible(id, viewer)), viewer).get(0);
    }

    /** The tasks of a customer the caller may see, newest first, for the customer page. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<CollaborationTaskView> tasksOfCustomer(UUID customerId) {
        customers.customer(customerId);
        Viewer viewer = visibility.currentViewer();
        Specification<CollaborationTask> ofCustomer = (r, q, cb) -> cb.equal(r.get("customerId"), customerId);
        List<CollaborationTask> found = tasks.findAll(ofCustomer.and(viewer.specification()),
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("createdAt")));
        return views(found, viewer);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<CollaborationLogView> logOf(UUID id) {
        visibility.visible(id, visibility.currentViewer());
        List<CollaborationLogEntry> entries = log.findByTaskIdOrderByCreatedAtAscIdAsc(id);
        Map<UUID, String> names = organization.names(entries.stream().map(CollaborationLogEntry::getAuthorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return entries.stream().map(e -> new CollaborationLogView(e.getId(), e.getKind(), e.getText(),
                e.getAuthorId(), e.getAuthorId() == null ? null : names.get(e.getAuthorId()), e.getCreatedAt()))
                .toList();
    }

    // --- changing -----------------------------------------------------------------------------------------------

    /** Starts a task on a customer the caller may see and notifies the people asked (E1, E2). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public CollaborationTaskView create(CollaborationDraft draft) {
        UUID initiator = CollaborationAccess.currentUser();
        CustomerView customer;
        try {
            customer = customers.customer(draft.customerId());
        }
        catch (RecordNotFoundException e) {
            throw BusinessRuleException.onField("customerId", "collaboration.customer.unknown");
        }
        Set<UUID> users = draft.userIds() == null ? Set.of() : Set.copyOf(draft.userIds());
        Set<UUID> departments = new HashSet<>(draft.departmentIds() == null ? Set.of() : draft.departmentIds());
        if (users.isEmpty() && departments.isEmpty()) {
            throw BusinessRuleException.onField("userIds", "collaboration.asked.required");
        }
        Map<UUID, UserSummary> active = organization.activeUsers().stream()
                .collect(Collectors.toMap(UserSummary::id, u -> u));
        for (UUID user : users) {
            UserSummary summary = active.get(user);
            if (summary == null) {
                throw BusinessRuleException.onField("userIds", "collaboration.asked.unknownUser");
            }
            if (summary.departmentId() != null) {
                departments.add(summary.departmentId());
            }
        }
        Set<UUID> known = organization.departmentTree().stream().map(DepartmentSummary::id)
                .collect(Collectors.toSet());
        if (!known.containsAll(departments)) {
            throw BusinessRuleException.onField("departmentIds", "collaboration.asked.unknownDepartment");
        }
        Instant now = clock.instant();
        if (!draft.expectedAt().isAfter(now)) {
            throw BusinessRuleException.onField("expectedAt", "collaboration.expectedAt.future");
        }
        CollaborationTask task = new CollaborationTask(numbers.next(MODULE, numberPattern), customer.id(),
                customer.name(), initiator, access.departmentOf(initiator), users, departments,
                draft.content().trim(), blankToNull(draft.background()), blankToNull(draft.resources()),
                draft.priority(), draft.expectedAt(), now);
        tasks.saveAndFlush(task);
        notices.assigned(task, initiator);
        Viewer viewer = visibility.viewer(initiator);
        return views(List.of(task), viewer).get(0);
    }

    /** A workflow step (E3); {@code version}, when given, must match (409 otherwise). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CollaborationTaskView act(UUID id, CollaborationAction action, String reason, Long version,
            boolean versionFromIfMatch) {
        Viewer viewer = visibility.currentViewer();
        CollaborationTask task = visibility.visible(id, viewer);
        VersionConflictException.check(MODULE, id, version, task.getVersion(), versionFromIfMatch);
        Instant now = clock.instant();
        task.apply(action, viewer.userId(), reason, now);
        if (action == CollaborationAction.SEND_BACK) {
            log.save(new CollaborationLogEntry(id, LogKind.SENT_BACK, task.getSendBackReason(), viewer.userId(), now));
        }
        tasks.flush();
        notices.changed(task, viewer.userId());
        return views(List.of(task), viewer).get(0);
    }

    /** Escalation by hand to the coordinators of the departments asked (E5). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CollaborationTaskView escalate(UUID id, String reason, Long version, boolean versionFromIfMatch) {
        Viewer viewer = visibility.currentViewer();
        CollaborationTask task = visibility.visible(id, viewer);
        VersionConflictException.check(MODULE, id, version, task.getVersion(), versionFromIfMatch);
        String trimmed = reason == null ? "" : reason.trim();
        CollaborationWorkflow.checkEscalation(task.getState(), task.actor(viewer.userId()));
        if (trimmed.isEmpty() || trimmed.length() > 1000) {
            throw BusinessRuleException.onField("reason", "collaboration.escalate.reason");
        }
        Instant now = clock.instant();
        task.escalate(viewer.userId(), trimmed, now);
        log.save(new CollaborationLogEntry(id, LogKind.ESCALATED, trimmed, viewer.userId(), now));
        tasks.flush();
        notices.escalated(task, coordinatorsOf(task), false);
        return views(List.of(task), viewer).get(0);
    }

    /** Escalates one overdue task for the job, in the caller's transaction; false when someone else did first. */
    boolean escalateOverdue(CollaborationTask task, Instant now) {
        if (task.getEscalatedAt() != null || !task.overdue(now)) {
            return false;
        }
        task.escalate(null, null, now);
        log.save(new CollaborationLogEntry(task.getId(), LogKind.ESCALATED, "collaboration.log.overdue", null, now));
        tasks.flush();
        notices.escalated(task, coordinatorsOf(task), true);
        return true;
    }

    /** A task-log entry (E4) by a person involved in the task. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CollaborationLogView addLog(UUID id, LogKind kind, String text) {
        Viewer viewer = visibility.currentViewer();
        CollaborationTask task = visibility.visible(id, viewer);
        if (!viewer.involved(task)) {
            throw new BusinessRuleException("collaboration.log.notInvolved");
        }
        if (kind == null || !kind.manual()) {
            throw BusinessRuleException.onField("kind", "collaboration.log.kind.invalid");
        }
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 4000) {
            throw BusinessRuleException.onField("text", "collaboration.log.text.invalid");
        }
        CollaborationLogEntry entry = log.save(new CollaborationLogEntry(id, kind, trimmed, viewer.userId(),
                clock.instant()));
        return new CollaborationLogView(entry.getId(), kind, trimmed, viewer.userId(),
                organization.names(List.of(viewer.userId())).get(viewer.userId()), entry.getCreatedAt());
    }

    /** Closes the loop (E6): the customer's satisfaction and the final solution, which go on the customer's timeline. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CollaborationTaskView recordSatisfaction(UUID id, Satisfaction satisfaction, String finalSolution,
            Long version, boolean versionFromIfMatch) {
        Viewer viewer = visibility.currentViewer();
        CollaborationTask task = visibility.visible(id, viewer);
        VersionConflictException.check(MODULE, id, version, task.getVersion(), versionFromIfMatch);
        task.recordSatisfaction(viewer.userId(), satisfaction, finalSolution, clock.instant());
        tasks.flush();
        return views(List.of(task), viewer).get(0);
    }

    // --- figures (E7) ------------------------------------------------------------------------------------------

    /** Figures for the week or month ({@code period} = week | month) containing {@code day} (today when null). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CollaborationStats stats(String period, LocalDate day) {
        boolean month = "month".equals(period);
        LocalDate anchor = day == null ? LocalDate.now(clock.withZone(zone)) : day;
        LocalDate start = month ? anchor.withDayOfMonth(1)
                : anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = month ? start.plusMonths(1) : start.plusWeeks(1);
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        Specification<CollaborationTask> inPeriod = (r, q, cb) -> cb.and(
                cb.greaterThanOrEqualTo(r.get("createdAt"), from), cb.lessThan(r.get("createdAt"), to));
        List<CollaborationTask> found = tasks.findAll(inPeriod.and(visibility.currentViewer().specification()));
        Map<UUID, String> departmentNames = organization.departmentTree().stream()
                .collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
        Map<UUID, List<CollaborationTask>> byDepartment = new LinkedHashMap<>();
        Map<UUID, List<CollaborationTask>> byPerson = new LinkedHashMap<>();
        for (CollaborationTask task : found) {
            task.getAskedDepartmentIds().forEach(d -> byDepartment.computeIfAbsent(d, k -> new ArrayList<>()).add(task));
            task.getAskedUserIds().forEach(u -> byPerson.computeIfAbsent(u, k -> new ArrayList<>()).add(task));
        }
        Map<UUID, String> userNames = organization.names(byPerson.keySet());
        List<CollaborationStats.Row> departments = byDepartment.entrySet().stream()
                .map(e -> row(e.getKey().toString(), departmentNames.getOrDefault(e.getKey(), "—"), e.getValue()))
                .sorted(Comparator.comparing(CollaborationStats.Row::count).reversed()
                        .thenComparing(CollaborationStats.Row::name))
                .toList();
        List<CollaborationStats.Row> people = byPerson.entrySet().stream()
                .map(e -> row(e.getKey().toString(), userNames.getOrDefault(e.getKey(), "—"), e.getValue()))
                .sorted(Comparator.comparing(CollaborationStats.Row::count).reversed()
                        .thenComparing(CollaborationStats.Row::name))
                .toList();
        return new CollaborationStats(month ? "month" : "week", start, end.minusDays(1), from, to,
                row("total", "", found), departments, people);
    }

    static CollaborationStats.Row row(String key, String name, List<CollaborationTask> tasks) {
        List<CollaborationTask> done = tasks.stream().filter(t -> t.getCompletedAt() != null).toList();
        Double average = done.isEmpty() ? null : round(done.stream()
                .mapToLong(t -> Duration.between(t.getCreatedAt(), t.getCompletedAt()).toMinutes())
                .average().orElse(0) / 60.0);
        Double onTime = done.isEmpty() ? null : round(100.0
                * done.stream().filter(t -> !t.getCompletedAt().isAfter(t.getExpectedAt())).count() / done.size());
        Map<Satisfaction, Long> satisfaction = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : Satisfaction.values()) {
            satisfaction.put(s, tasks.stream().filter(t -> t.getSatisfaction() == s).count());
        }
        return new CollaborationStats.Row(key, name, tasks.size(), done.size(), average, onTime, satisfaction);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Set<UUID> coordinatorsOf(CollaborationTask task) {
        return organization.departmentTree().stream()
                .filter(d -> task.getAskedDepartmentIds().contains(d.id()) && d.coordinatorId() != null)
                .map(DepartmentSummary::coordinatorId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private List<CollaborationTaskView> views(List<CollaborationTask> found, Viewer viewer) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<UUID> userIds = new HashSet<>();
        found.forEach(t -> {
            userIds.add(t.getOwnerId());
            userIds.addAll(t.getAskedUserIds());
        });
        Map<UUID, String> names = organization.names(userIds);
        Map<UUID, String> departmentNames = organization.departmentTree().stream()
                .collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
        boolean mayEdit = access.hasPermission(viewer.userId(), MODULE, Authorities.Action.EDIT);
        Instant now = clock.instant();
        return found.stream().map(t -> {
            List<String> actions = new ArrayList<>();
            if (mayEdit) {
                var actor = t.actor(viewer.userId());
                for (CollaborationAction a : CollaborationAction.values()) {
                    if (CollaborationWorkflow.allows(t.getState(), a, actor)) {
                        actions.add(CollaborationWorkflow.key(a));
                    }
                }
                if (actor.initiator() && t.getState() != CollaborationState.DONE) {
                    actions.add("escalate");
                }
                if (viewer.involved(t)) {
                    actions.add("log");
                }
                if (actor.initiator() && t.getState() == CollaborationState.DONE) {
                    actions.add("satisfaction");
                }
            }
            return new CollaborationTaskView(t.getId(), t.getNumber(), t.getCustomerId(), t.getCustomerName(),
                    t.getOwnerId(), names.get(t.getOwnerId()),
                    t.getAskedDepartmentIds().stream()
                            .map(d -> new CollaborationTaskView.Named(d, departmentNames.getOrDefault(d, "—")))
                            .sorted(Comparator.comparing(CollaborationTaskView.Named::name)).toList(),
                    t.getAskedUserIds().stream()
                            .map(u -> new CollaborationTaskView.Named(u, names.getOrDefault(u, "—")))
                            .sorted(Comparator.comparing(CollaborationTaskView.Named::name)).toList(),
                    t.getContent(), t.getBackground(), t.getResources(), t.getPriority(), t.getState(),
                    t.getExpectedAt(), t.overdue(now), t.getAcceptedAt(), t.getSubmittedAt(), t.getCompletedAt(),
                    t.getEscalatedAt(), t.getEscalationReason(), t.getSendBackReason(), t.getSatisfaction(),
                    t.getFinalSolution(), t.getSatisfactionAt(), t.getCreatedAt(), List.copyOf(actions),
                    t.getVersion());
        }).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** For the escalation job: the task as stored now (locked against concurrent escalation by its version). */
    CollaborationTask reload(UUID id) {
        return tasks.findById(id).orElseThrow(() -> new RecordNotFoundException(MODULE, id));
    }

    /** For the escalation job: overdue tasks not escalated yet. */
    List<CollaborationTask> overdueBatch(Instant now, int size) {
        return tasks.findOverdueUnescalated(now, PageRequest.of(0, size));
    }
}
