package org.openloop.crm.collaboration.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.audit.Audited;
import org.openloop.crm.collaboration.CollaborationAction;
import org.openloop.crm.collaboration.CollaborationPriority;
import org.openloop.crm.collaboration.CollaborationState;
import org.openloop.crm.collaboration.Satisfaction;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.OwnedRecord;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A collaboration task (E1). The owner is the initiator, the department the initiator's. Every state change goes
 * through {@link #apply}, which asks {@link CollaborationWorkflow}; the customer's name is kept as it was when the
 * task was started, because the people asked may not see the customer itself.
 */
@Entity
@Table(name = "collaboration_task")
@Audited(value = "collaboration", ignore = {"askedUserIds", "askedDepartmentIds", "updatedAt", "customerName"})
public class CollaborationTask implements OwnedRecord {

    @Id
    private UUID id;
    private String number;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "customer_name")
    private String customerName;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    private String content;
    private String background;
    private String resources;
    @Enumerated(EnumType.STRING)
    private CollaborationPriority priority;
    @Enumerated(EnumType.STRING)
    private CollaborationState state;
    @Column(name = "expected_at")
    private Instant expectedAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "send_back_reason")
    private String sendBackReason;
    @Column(name = "escalated_at")
    private Instant escalatedAt;
    @Column(name = "escalation_reason")
    private String escalationReason;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    @Column(name = "final_solution")
    private String finalSolution;
    @Column(name = "satisfaction_at")
    private Instant satisfactionAt;
    @ElementCollection
    @CollectionTable(name = "collaboration_task_user", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "user_id")
    private Set<UUID> askedUserIds = new HashSet<>();
    @ElementCollection
    @CollectionTable(name = "collaboration_task_department", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "department_id")
    private Set<UUID> askedDepartmentIds = new HashSet<>();
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CollaborationTask() {
    }

    /** Follows a customer merge, or its undo (B6); the name is kept with the record. */
    public void moveToCustomer(UUID customerId, String customerName, Instant now) {
        this.customerId = customerId;
        if (customerName != null) {
            this.customerName = customerName;
        }
        this.updatedAt = now;
    }

    public CollaborationTask(String number, UUID customerId, String customerName, UUID initiatorId,
            UUID departmentId, Set<UUID> askedUserIds, Set<UUID> askedDepartmentIds, String content,
            String background, String resources, CollaborationPriority priority, Instant expectedAt, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.customerId = customerId;
        this.customerName = customerName;
        this.ownerId = initiatorId;
        this.departmentId = departmentId;
        this.askedUserIds = new HashSet<>(askedUserIds);
        this.askedDepartmentIds = new HashSet<>(askedDepartmentIds);
        this.content = content;
        this.background = background;
        this.resources = resources;
        this.priority = priority;
        this.expectedAt = expectedAt;
        this.state = CollaborationState.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The caller relative to this task. */
    public CollaborationWorkflow.Actor actor(UUID userId) {
        return new CollaborationWorkflow.Actor(ownerId.equals(userId), askedUserIds.contains(userId));
    }

    /** Takes a workflow step; {@code reason} is required for sending back. */
    public void apply(CollaborationAction action, UUID userId, String reason, Instant now) {
        CollaborationState next = CollaborationWorkflow.next(state, action, actor(userId));
        if (action == CollaborationAction.SEND_BACK) {
            String trimmed = reason == null ? "" : reason.trim();
            if (trimmed.isEmpty() || trimmed.length() > 1000) {
                throw BusinessRuleException.onField("reason", "collaboration.sendBack.reason");
            }
            sendBackReason = trimmed;
        }
        switch (action) {
            case ACCEPT -> acceptedAt = now;
            case SUBMIT -> submittedAt = now;
            case APPROVE -> completedAt = now;
            case SEND_BACK -> submittedAt = null;
        }
        state = next;
        updatedAt = now;
    }

    /** Escalation by hand (initiator, with a reason) or by the overdue job ({@code userId} null). */
    public void escalate(UUID userId, String reason, Instant now) {
        if (userId != null) {
            CollaborationWorkflow.checkEscalation(state, actor(userId));
        }
        escalatedAt = now;
        escalationReason = reason;
        updatedAt = now;
    }

    public void recordSatisfaction(UUID userId, Satisfaction value, String solution, Instant now) {
        CollaborationWorkflow.checkSatisfaction(state, actor(userId));
        if (value == null) {
            throw BusinessRuleException.onField("satisfaction", "collaboration.satisfaction.required");
        }
        String trimmed = solution == null ? "" : solution.trim();
        if (trimmed.isEmpty() || trimmed.length() > 4000) {
            throw BusinessRuleException.onField("finalSolution", "collaboration.finalSolution.required");
        }
        satisfaction = value;
        finalSolution = trimmed;
        satisfactionAt = now;
        updatedAt = now;
    }

    public boolean overdue(Instant now) {
        return state != CollaborationState.DONE && expectedAt.isBefore(now);
    }

    public UUID getId() { return id; }
    public String getNumber() { return number; }
    public UUID getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    @Override
    public UUID getOwnerId() { return ownerId; }
    @Override
    public UUID getDepartmentId() { return departmentId; }
    public String getContent() { return content; }
    public String getBackground() { return background; }
    public String getResources() { return resources; }
    public CollaborationPriority getPriority() { return priority; }
    public CollaborationState getState() { return state; }
    public Instant getExpectedAt() { return expectedAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public String getSendBackReason() { return sendBackReason; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public String getEscalationReason() { return escalationReason; }
    public Satisfaction getSatisfaction() { return satisfaction; }
    public String getFinalSolution() { return finalSolution; }
    public Instant getSatisfactionAt() { return satisfactionAt; }
    public Set<UUID> getAskedUserIds() { return java.util.Collections.unmodifiableSet(askedUserIds); }
    public Set<UUID> getAskedDepartmentIds() { return java.util.Collections.unmodifiableSet(askedDepartmentIds); }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
