package org.openloop.crm.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.customfield.CustomFieldCells;
import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.importing.DuplicatePolicy;
import org.openloop.crm.importing.ImportColumn;
import org.openloop.crm.importing.ImportColumn.Cleaning;
import org.openloop.crm.importing.ImportRow;
import org.openloop.crm.importing.ImportTarget;
import org.openloop.crm.importing.RowResult;
import org.openloop.crm.sales.LossReasonView;
import org.openloop.crm.sales.OpportunityAction;
import org.openloop.crm.sales.OpportunityDraft;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityStatus;
import org.openloop.crm.sales.OpportunityView;
import org.openloop.crm.sales.PipelineView;
import org.openloop.crm.sales.SalesSettings;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.InvalidInputException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Opportunities as an import target (F1, F2): the customer by number or exact name (in the importer's scope), the
 * stage by name in the default pipeline, the status and loss reason. Every row goes through
 * {@link OpportunityManagement}: the opportunity is created open, then the row's status is reached with the one
 * workflow step that leads there (成功 → win, 失败 → lose with the reason, 关闭 → close, 执行 → reopen), so a status
 * the state machine does not allow is a row error with the same message as on the page and the API, and the row is
 * rolled back. A row matching an opportunity of the same customer and name is skipped, created again, or updated
 * (fields, then the status step) by policy. Active custom fields (B11) are columns too, headed by their labels and
 * validated by {@link CustomFields} like the form; an update changes only the custom fields the row fills.
 */
@Component
class ImportableOpportunities implements ImportTarget {

    private static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("customer", "import.opportunity.column.customer", Cleaning.FOLDED),
            ImportColumn.required("name", "import.opportunity.column.name", Cleaning.FOLDED),
            ImportColumn.required("amount", "import.opportunity.column.amount", Cleaning.TEXT),
            ImportColumn.optional("currency", "import.opportunity.column.currency", Cleaning.TEXT),
            ImportColumn.optional("closeDate", "import.opportunity.column.closeDate", Cleaning.TEXT),
            ImportColumn.optional("stage", "import.opportunity.column.stage", Cleaning.FOLDED),
            ImportColumn.optional("status", "import.opportunity.column.status", Cleaning.FOLDED),
            ImportColumn.optional("lossReason", "import.opportunity.column.lossReason", Cleaning.FOLDED),
            ImportColumn.optional("competitors", "import.opportunity.column.competitors", Cleaning.TEXT),
            ImportColumn.optional("nextStep", "import.opportunity.column.nextStep", Cleaning.TEXT),
            ImportColumn.optional("description", "import.opportunity.column.description", Cleaning.TEXT));

    private static final Map<String, OpportunityStatus> STATUS_WORDS = Map.ofEntries(
            Map.entry("执行", OpportunityStatus.OPEN), Map.entry("成功", OpportunityStatus.WON),
            Map.entry("失败", OpportunityStatus.LOST), Map.entry("关闭", OpportunityStatus.CLOSED),
            Map.entry("open", OpportunityStatus.OPEN), Map.entry("won", OpportunityStatus.WON),
            Map.entry("lost", OpportunityStatus.LOST), Map.entry("closed", OpportunityStatus.CLOSED));

    private final OpportunityManagement opportunities;
    private final SalesSettings settings;
    private final CustomerManagement customers;
    private final Validator validator;
    private final MessageSource messages;
    private final CustomFields customFields;

    ImportableOpportunities(OpportunityManagement opportunities, SalesSettings settings,
            CustomerManagement customers, Validator validator, MessageSource messages, CustomFields customFields) {
        this.opportunities = opportunities;
        this.settings = settings;
        this.customers = customers;
        this.validator = validator;
        this.messages = messages;
        this.customFields = customFields;
    }

    @Override
    public String recordType() {
        return "opportunity";
    }

    @Override
    public String permissionModule() {
        return "opportunity";
    }

    @Override
    public List<ImportColumn> columns() {
        List<ImportColumn> columns = new ArrayList<>(COLUMNS);
        for (CustomFieldDefinition field : customFields.definitions(recordType())) {
            columns.add(ImportColumn.labelled(field.filterName(), field.labelZh(), field.labelEn(), field.required(),
                    Cleaning.TEXT));
        }
        return columns;
    }

    @Override
    public RowResult validate(ImportRow row, DuplicatePolicy policy) {
        return resolved(() -> handle(row, policy, false));
    }

    @Override
    public RowResult write(ImportRow row, DuplicatePolicy policy) {
        return resolved(() -> handle(row, policy, true));
    }

    /** Every returned error is decided by checks that run before the first write. */
    @Override
    public boolean errorsWriteNothing() {
        return true;
    }

    /**
     * The workflow's refusals name the step and the state as message arguments resolved in the reader's language;
     * the import report stores plain text, so they are resolved here, in the importing user's language.
     */
    private RowResult resolved(java.util.function.Supplier<RowResult> work) {
        try {
            return work.get();
        }
        catch (BusinessRuleException e) {
            Object[] arguments = java.util.Arrays.stream(e.arguments())
                    .map(a -> a instanceof MessageSourceResolvable r
                            ? messages.getMessage(r, LocaleContextHolder.getLocale()) : a)
                    .toArray();
            throw e.conflict() ? BusinessRuleException.conflict(e.field(), e.messageKey(), arguments)
                    : BusinessRuleException.onField(e.field(), e.messageKey(), arguments);
        }
    }

    private RowResult handle(ImportRow row, DuplicatePolicy policy, boolean write) {
        List<String> problems = new ArrayList<>();
        Optional<CustomerView> customer = customer(row.get("customer"));
        if (customer.isEmpty()) {
            problems.add(label("customer") + ": " + message("import.opportunity.customerUnknown"));
        }
        BigDecimal amount = null;
        try {
            amount = new BigDecimal(row.get("amount").replace(",", ""));
        }
        catch (RuntimeException e) {
            problems.add(label("amount") + ": " + message("opportunity.amount.invalid"));
        }
        LocalDate closeDate = null;
        if (row.has("closeDate")) {
            try {
                closeDate = LocalDate.parse(row.get("closeDate"));
            }
            catch (DateTimeParseException e) {
                problems.add(label("closeDate") + ": " + message("import.opportunity.dateInvalid"));
            }
        }
        PipelineView pipeline = settings.pipelineOrDefault(null);
        UUID stageId = null;
        if (row.has("stage")) {
            stageId = pipeline.stages().stream().filter(s -> s.active() && s.name().equals(row.get("stage")))
                    .map(PipelineView.StageView::id).findFirst().orElse(null);
            if (stageId == null) {
                problems.add(label("stage") + ": " + message("opportunity.stage.unknown"));
            }
        }
        OpportunityStatus status = OpportunityStatus.OPEN;
        if (row.has("status")) {
            status = STATUS_WORDS.get(row.get("status").toLowerCase(Locale.ROOT));
            if (status == null) {
                try {
                    status = OpportunityStatus.valueOf(row.get("status").toUpperCase(Locale.ROOT));
                }
                catch (IllegalArgumentException e) {
                    problems.add(label("status") + ": " + message("import.opportunity.statusUnknown"));
                }
            }
        }
        UUID lossReasonId = null;
        if (row.has("lossReason")) {
            lossReasonId = settings.lossReasons(true).stream().filter(r -> r.name().equals(row.get("lossReason")))
                    .map(LossReasonView::id).findFirst().orElse(null);
            if (lossReasonId == null) {
                problems.add(label("lossReason") + ": " + message("opportunity.lossReason.unknown"));
            }
        }
        if (!problems.isEmpty()) {
            return RowResult.error("import.error.invalid", String.join("; ", problems));
        }
        List<CustomFieldDefinition> fields = customFields.definitions(recordType());
        Map<String, Object> values = CustomFieldCells.values(row::get, fields);
        OpportunityDraft draft = new OpportunityDraft(customer.get().id(), row.get("name"), amount,
                row.get("currency"), closeDate, pipeline.id(), stageId, null, null, row.get("competitors"),
                row.get("nextStep"), row.get("description"), null, values);
        for (ConstraintViolation<OpportunityDraft> violation : validator.validate(draft)) {
            problems.add(violation.getPropertyPath() + ": " + violation.getMessage());
        }
        if (!problems.isEmpty()) {
            return RowResult.error("import.error.invalid", String.join("; ", problems));
        }
        OpportunityView match = opportunities.opportunitiesOfCustomer(customer.get().id()).stream()
                .filter(o -> o.name().equals(draft.name())).findFirst().orElse(null);
        if (match != null && policy == DuplicatePolicy.SKIP) {
            return RowResult.skipped(match.id(), "import.opportunity.duplicate", match.number());
        }
        boolean updating = match != null && policy == DuplicatePolicy.UPDATE;
        // an update keeps stored values of fields the row leaves empty, so "required" counts them
        List<FieldProblem> fieldProblems = updating ? customFields.validate(recordType(), match.id(), values)
                : customFields.validate(recordType(), values);
        if (!fieldProblems.isEmpty()) {
            for (FieldProblem problem : fieldProblems) {
                String key = problem.field().substring(problem.field().indexOf('.') + 1);
                String label = fields.stream().filter(f -> f.key().equals(key)).findFirst()
                        .map(f -> f.label(LocaleContextHolder.getLocale())).orElse(key);
                problems.add(label + ": " + messages.getMessage(problem.messageKey(), problem.arguments().toArray(),
                        problem.messageKey(), LocaleContextHolder.getLocale()));
            }
            return RowResult.error("import.error.invalid", String.join("; ", problems));
        }
        OpportunityAction step = step(match == null ? OpportunityStatus.OPEN : match.status(), status);
        if (!write) {
            if (step != null) {
                OpportunityWorkflow.next(match == null ? OpportunityStatus.OPEN : match.status(), step,
                        OpportunityManagement.currentUserIsManager());
            }
            return match != null && policy == DuplicatePolicy.UPDATE
                    ? RowResult.updated(match.id(), "import.opportunity.wouldUpdate", match.number())
                    : RowResult.created(null, "import.opportunity.wouldCreate", draft.name());
        }
        OpportunityView written;
        boolean updated = updating;
        if (updated) {
            written = match.editable() ? opportunities.update(match.id(), new OpportunityDraft(draft.customerId(),
                    draft.name(), draft.amount(), draft.currency(), draft.expectedCloseDate(),
                    stageId == null ? null : draft.pipelineId(), stageId, null, match.campaignId(),
                    draft.competitors(), draft.nextStep(), draft.description(), null,
                    values.isEmpty() ? null : values), false) : match;
        }
        else {
            written = opportunities.create(draft);
        }
        if (step != null) {
            written = opportunities.act(written.id(), step, lossReasonId, null, null, false);
        }
        return updated ? RowResult.updated(written.id(), "import.opportunity.updated", written.number())
                : RowResult.created(written.id(), "import.opportunity.created", written.number());
    }

    /** The one workflow step that leads to {@code target}, or none when already there. */
    private static OpportunityAction step(OpportunityStatus from, OpportunityStatus target) {
        if (from == target) {
            return null;
        }
        return switch (target) {
            case WON -> OpportunityAction.WIN;
            case LOST -> OpportunityAction.LOSE;
            case CLOSED -> OpportunityAction.CLOSE;
            case OPEN -> OpportunityAction.REOPEN;
        };
    }

    private Optional<CustomerView> customer(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        List<CustomerView> found = customers.customers(ListRequest.from(Map.of("q", key, "size", "50"))).items();
        return found.stream().filter(c -> key.equals(c.number())).findFirst()
                .or(() -> found.stream().filter(c -> key.equals(c.name())).findFirst());
    }

    private String label(String column) {
        return message("import.opportunity.column." + column);
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
