package org.openloop.crm.activity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.activity.InteractionChannel;
import org.openloop.crm.audit.Audited;
import org.openloop.crm.shared.OwnedRecord;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An interaction with a customer (C1), owned by its author. */
@Entity
@Table(name = "interaction")
@Audited(value = "interaction", ignore = {"participantIds", "contactIds", "todos"})
public class Interaction implements OwnedRecord {

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "opportunity_id")
    private UUID opportunityId;
    @Enumerated(EnumType.STRING)
    private InteractionChannel channel;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String place;
    private String subject;
    private String summary;
    private String feedback;
    private String agreements;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "department_id")
    private UUID departmentId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;
    @ElementCollection
    @CollectionTable(name = "interaction_participant", joinColumns = @JoinColumn(name = "interaction_id"))
    @Column(name = "user_id")
    private Set<UUID> participantIds = new LinkedHashSet<>();
    @ElementCollection
    @CollectionTable(name = "interaction_contact", joinColumns = @JoinColumn(name = "interaction_id"))
    @Column(name = "contact_id")
    private Set<UUID> contactIds = new LinkedHashSet<>();
    @ElementCollection
    @CollectionTable(name = "interaction_todo", joinColumns = @JoinColumn(name = "interaction_id"))
    @OrderColumn(name = "todo_index")
    private List<Todo> todos = new ArrayList<>();

    protected Interaction() {
    }

    /** Follows a customer merge, or its undo (B6). */
    public void moveToCustomer(UUID customerId, Instant now) {
        this.customerId = customerId;
        this.updatedAt = now;
    }

    public Interaction(UUID customerId, UUID ownerId, UUID departmentId, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.ownerId = ownerId;
        this.departmentId = departmentId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public record Details(InteractionChannel channel, Instant occurredAt, String place, String subject,
            String summary, String feedback, String agreements, List<UUID> participantIds, List<UUID> contactIds) {
    }

    public void update(Details d, Instant now) {
        this.channel = d.channel();
        this.occurredAt = d.occurredAt();
        this.place = d.place();
        this.subject = d.subject();
        this.summary = d.summary();
        this.feedback = d.feedback();
        this.agreements = d.agreements();
        this.participantIds.clear();
        this.participantIds.addAll(d.participantIds());
        this.contactIds.clear();
        this.contactIds.addAll(d.contactIds());
        this.updatedAt = now;
    }

    /**
     * Replaces the to-dos; a to-do that already became a task keeps its link when its text stays the same at the
     * same position.
     */
    public void replaceTodos(List<Todo> next) {
        List<Todo> merged = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            Todo todo = next.get(i);
            if (i < todos.size() && todos.get(i).getTaskId() != null
                    && todos.get(i).getContent().equals(todo.getContent())) {
                todo.linkTask(todos.get(i).getTaskId());
            }
            merged.add(todo);
        }
        todos.clear();
        todos.addAll(merged);
    }

    /** Links a to-do to the task made from it in memory; {@link Interactions#linkTodo} stores the link. */
    public void linkTodo(int index, UUID taskId) {
        todos.get(index).linkTask(taskId);
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    /** Links the interaction to an opportunity of its customer (or to none); the facade checks the opportunity. */
    public void linkOpportunity(UUID opportunityId, Instant now) {
        this.opportunityId = opportunityId;
        this.updatedAt = now;
    }

    public InteractionChannel getChannel() {
        return channel;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getPlace() {
        return place;
    }

    public String getSubject() {
        return subject;
    }

    public String getSummary() {
        return summary;
    }

    public String getFeedback() {
        return feedback;
    }

    public String getAgreements() {
        return agreements;
    }

    @Override
    public UUID getOwnerId() {
        return ownerId;
    }

    @Override
    public UUID getDepartmentId() {
        return departmentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    public Set<UUID> getParticipantIds() {
        return participantIds;
    }

    public Set<UUID> getContactIds() {
        return contactIds;
    }

    public List<Todo> getTodos() {
        return todos;
    }
}
