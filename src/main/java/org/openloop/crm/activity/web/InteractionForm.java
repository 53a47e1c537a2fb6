package org.openloop.crm.activity.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.activity.InteractionChannel;
import org.openloop.crm.activity.InteractionDraft;
import org.openloop.crm.activity.InteractionView;
import org.openloop.crm.activity.TodoDraft;
import org.openloop.crm.customer.CustomerType;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The interaction form: local date-times in the user's zone, up to {@link #TODO_ROWS} to-do rows. */
public class InteractionForm {

    static final int TODO_ROWS = 3;

    @NotNull
    private UUID customerId;
    @NotNull
    private InteractionChannel channel = InteractionChannel.PHONE;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime occurredAt;
    @Size(max = 200)
    private String place;
    private List<UUID> participantIds = new ArrayList<>();
    private List<UUID> contactIds = new ArrayList<>();
    @NotBlank
    @Size(max = 200)
    private String subject;
    @Size(max = 4000)
    private String summary;
    @Size(max = 4000)
    private String feedback;
    @Size(max = 4000)
    private String agreements;
    private List<TodoRow> todos = new ArrayList<>();
    private boolean createTasks;
    private CustomerType customerType;
    private UUID opportunityId;
    private Long version;

    public static class TodoRow {
        @Size(max = 500)
        private String text;
        private UUID ownerId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public UUID getOwnerId() {
            return ownerId;
        }

        public void setOwnerId(UUID ownerId) {
            this.ownerId = ownerId;
        }

        public LocalDate getDueDate() {
            return dueDate;
        }

        public void setDueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
        }
    }

    static InteractionForm blank(UUID customerId, UUID opportunityId, ZoneId zone) {
        InteractionForm form = new InteractionForm();
        form.customerId = customerId;
        form.opportunityId = opportunityId;
        form.occurredAt = LocalDateTime.now(zone).withSecond(0).withNano(0);
        form.padTodos();
        return form;
    }

    static InteractionForm of(InteractionView view, ZoneId zone) {
        InteractionForm form = new InteractionForm();
        form.customerId = view.customerId();
        form.channel = view.channel();
        form.occurredAt = LocalDateTime.ofInstant(view.occurredAt(), zone);
        form.place = view.place();
        form.participantIds = new ArrayList<>(view.participantIds());
        form.contactIds = new ArrayList<>(view.contactIds());
        form.subject = view.subject();
        form.summary = view.summary();
        form.feedback = view.feedback();
        form.agreements = view.agreements();
        form.opportunityId = view.opportunityId();
        for (InteractionView.TodoView todo : view.todos()) {
            TodoRow row = new TodoRow();
            row.text = todo.text();
            row.ownerId = todo.ownerId();
            row.dueDate = todo.dueAt() == null ? null : LocalDate.ofInstant(todo.dueAt(), zone);
            form.todos.add(row);
        }
        form.version = view.version();
        form.padTodos();
        return form;
    }

    void padTodos() {
        while (todos.size() < TODO_ROWS) {
            todos.add(new TodoRow());
        }
        if (todos.get(todos.size() - 1).text != null && todos.size() < 20) {
            todos.add(new TodoRow());
        }
    }

    InteractionDraft toDraft(ZoneId zone) {
        List<TodoDraft> drafts = todos.stream().filter(t -> t.text != null && !t.text.isBlank())
                .map(t -> new TodoDraft(t.text, t.ownerId,
                        t.dueDate == null ? null : t.dueDate.atTime(18, 0).atZone(zone).toInstant()))
                .toList();
        return new InteractionDraft(customerId, channel, occurredAt.atZone(zone).toInstant(), place, participantIds,
                contactIds, subject, summary, feedback, agreements, drafts, createTasks, customerType, null,
                opportunityId, version);
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public void setCustomerId(UUID customerId) {
        this.customerId = customerId;
    }

    public InteractionChannel getChannel() {
        return channel;
    }

    public void setChannel(InteractionChannel channel) {
        this.channel = channel;
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public List<UUID> getParticipantIds() {
        return participantIds;
    }

    public void setParticipantIds(List<UUID> participantIds) {
        this.participantIds = participantIds == null ? new ArrayList<>() : participantIds;
    }

    public List<UUID> getContactIds() {
        return contactIds;
    }

    public void setContactIds(List<UUID> contactIds) {
        this.contactIds = contactIds == null ? new ArrayList<>() : contactIds;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getFeedback() {
        return feedback;
    }

    public void setFeedback(String feedback) {
        this.feedback = feedback;
    }

    public String getAgreements() {
        return agreements;
    }

    public void setAgreements(String agreements) {
        this.agreements = agreements;
    }

    public List<TodoRow> getTodos() {
        return todos;
    }

    public void setTodos(List<TodoRow> todos) {
        this.todos = todos == null ? new ArrayList<>() : todos;
    }

    public boolean isCreateTasks() {
        return createTasks;
    }

    public void setCreateTasks(boolean createTasks) {
        this.createTasks = createTasks;
    }

    public CustomerType getCustomerType() {
        return customerType;
    }

    public void setCustomerType(CustomerType customerType) {
        this.customerType = customerType;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public void setOpportunityId(UUID opportunityId) {
        this.opportunityId = opportunityId;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
