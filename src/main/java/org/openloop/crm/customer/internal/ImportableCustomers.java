package org.openloop.crm.customer.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.customer.ContactDraft;
import org.openloop.crm.customer.ContactView;
import org.openloop.crm.customer.CustomerDraft;
import org.openloop.crm.customer.CustomerDuplicates;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.customer.DuplicateMatch;
import org.openloop.crm.customfield.CustomFieldCells;
import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.importing.DuplicatePolicy;
import org.openloop.crm.importing.ImportColumn;
import org.openloop.crm.importing.ImportColumn.Cleaning;
import org.openloop.crm.importing.ImportRow;
import org.openloop.crm.importing.ImportTarget;
import org.openloop.crm.importing.RowResult;
import org.openloop.crm.shared.InvalidInputException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Customers, with an optional contact on the same row, as an import target (B9). Every row goes through
 * {@link CustomerManagement} as the importing user: the new customer is theirs, phone and e-mail are validated by
 * the drafts' own constraints, duplicates are found by {@link CustomerDuplicates} (name key, normalised phone and
 * e-mail, company-wide). With policy UPDATE a duplicate is updated only when the user may edit it (their data scope,
 * not in the pool); otherwise the row is an error and the customer untouched. An update keeps the existing name (it
 * matched by name key or phone) and takes the row's non-empty cells; key fields the user may not change directly
 * become change requests awaiting approval, exactly as in the form (A7), and the row says so. Every active customer
 * custom field is a column too ({@code cf.<key>}, headed by its label; select options by value or label), validated
 * by {@link CustomFields} like the form (B11).
 */
@Component
class ImportableCustomers implements ImportTarget {

    private static final UUID NO_CUSTOMER_YET = new UUID(0, 0);
    private static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("name", "import.customer.column.name", Cleaning.FOLDED),
            ImportColumn.optional("industry", "import.customer.column.industry", Cleaning.TEXT),
            ImportColumn.optional("phone", "import.customer.column.phone", Cleaning.PHONE),
            ImportColumn.optional("email", "import.customer.column.email", Cleaning.EMAIL),
            ImportColumn.optional("website", "import.customer.column.website", Cleaning.TEXT),
            ImportColumn.optional("address", "import.customer.column.address", Cleaning.TEXT),
            ImportColumn.optional("background", "import.customer.column.background", Cleaning.TEXT),
            ImportColumn.optional("contactName", "import.customer.column.contactName", Cleaning.FOLDED),
            ImportColumn.optional("contactTitle", "import.customer.column.contactTitle", Cleaning.TEXT),
            ImportColumn.optional("contactMobile", "import.customer.column.contactMobile", Cleaning.PHONE),
            ImportColumn.optional("contactEmail", "import.customer.column.contactEmail", Cleaning.EMAIL));

    private final CustomerManagement customers;
    private final CustomerDuplicates duplicates;
    private final CustomFields customFields;
    private final Validator validator;
    private final MessageSource messages;

    ImportableCustomers(CustomerManagement customers, CustomerDuplicates duplicates, CustomFields customFields,
            Validator validator, MessageSource messages) {
        this.customers = customers;
        this.duplicates = duplicates;
        this.customFields = customFields;
        this.validator = validator;
        this.messages = messages;
    }

    @Override
    public String recordType() {
        return "customer";
    }

    @Override
    public String permissionModule() {
        return "customer";
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
        return handle(row, policy, false);
    }

    @Override
    public RowResult write(ImportRow row, DuplicatePolicy policy) {
        return handle(row, policy, true);
    }

    /** Every returned error is decided by checks that run before the first write. */
    @Override
    public boolean errorsWriteNothing() {
        return true;
    }

    /** A row that passed the checks made before any lookup: its drafts, or else the error to report. */
    private record Checked(CustomerDraft draft, ContactDraft contact, Map<String, Object> values, RowResult error) {

        CustomerDuplicates.Probe probe() {
            return new CustomerDuplicates.Probe(draft.name(), draft.phone(), draft.email());
        }
    }

    private Checked checked(ImportRow row, List<CustomFieldDefinition> fields) {
        Map<String, Object> values = CustomFieldCells.values(row::get, fields);
        CustomerDraft draft = new CustomerDraft(row.get("name"), row.get("industry"), null, null, null,
                CustomerSource.IMPORT, row.get("address"), row.get("phone"), row.get("email"), row.get("website"),
                row.get("background"), null, null, values);
        List<String> problems = new ArrayList<>();
        check(draft, "import.customer.column.", problems);
        ContactDraft contact = contactDraft(row, NO_CUSTOMER_YET);
        if (contact == null && (row.has("contactTitle") || row.has("contactMobile") || row.has("contactEmail"))) {
            problems.add(label("contactName") + ": " + messages.getMessage("import.customer.contactNameMissing", null,
                    locale()));
        }
        if (contact != null) {
            check(contact, "import.customer.column.contact", problems);
        }
        RowResult error = problems.isEmpty() ? null
                : RowResult.error("import.error.invalid", String.join("; ", problems));
        return new Checked(draft, contact, values, error);
    }

    /**
     * Policies SKIP and CREATE, a chunk at once: the rows are checked as {@link #write} checks them, their
     * duplicates looked up together ({@link CustomerDuplicates#matchesForAll}) and, in order, compared with the rows
     * of the chunk that are to be created before them, and the new customers and contacts written through
     * {@link CustomerManagement#createAll} and {@link CustomerManagement#createContactsAll}. Policy UPDATE goes row by
     * row: an update changes what later rows match.
     */
    @Override
    public List<RowResult> writeAll(List<ImportRow> rows, DuplicatePolicy policy) {
        if (policy == DuplicatePolicy.UPDATE) {
            return null;
        }
        List<CustomFieldDefinition> fields = customFields.definitions(recordType());
        List<Checked> checked = rows.stream().map(row -> checked(row, fields)).toList();
        List<Checked> valid = checked.stream().filter(c -> c.error() == null).toList();
        List<List<DuplicateMatch>> stored = duplicates.matchesForAll(valid.stream().map(Checked::probe).toList());
        // results wait for the numbers of the customers this chunk creates, which earlier rows may be matched with
        List<java.util.function.Function<List<CustomerManagement.Created>, RowResult>> results = new ArrayList<>();
        List<Checked> creating = new ArrayList<>();
        Map<String, Integer> createdKeys = new java.util.HashMap<>();
        int next = 0;
        for (Checked row : checked) {
            if (row.error() != null) {
                results.add(created -> row.error());
                continue;
            }
            List<DuplicateMatch> matches = stored.get(next++);
            DuplicateMatch match = matches.isEmpty() ? null : matches.get(0);
            Integer earlier = match != null ? null : earlierRow(row, createdKeys);
            if ((match != null || earlier != null) && policy == DuplicatePolicy.SKIP) {
                results.add(match != null
                        ? created -> RowResult.skipped(match.visible() ? match.id() : null, "import.customer.duplicate",
                                describe(match))
                        : created -> RowResult.skipped(created.get(earlier).id(), "import.customer.duplicate",
                                describe(created.get(earlier), creating.get(earlier))));
                continue;
            }
            List<FieldProblem> fieldProblems = customFields.validate(recordType(), row.values());
            if (!fieldProblems.isEmpty()) {
                List<String> problems = new ArrayList<>();
                describe(fieldProblems, fields, problems);
                results.add(created -> RowResult.error("import.error.invalid", String.join("; ", problems)));
                continue;
            }
            int index = creating.size();
            creating.add(row);
            remember(row, index, createdKeys);
            results.add(match != null
                    ? created -> RowResult.created(created.get(index).id(), "import.customer.createdDespiteDuplicate",
                            describe(match))
                    : earlier != null
                            ? created -> RowResult.created(created.get(index).id(),
                                    "import.customer.createdDespiteDuplicate",
                                    describe(created.get(earlier), creating.get(earlier)))
                            : created -> RowResult.created(created.get(index).id(), "import.customer.created",
                                    created.get(index).number()));
        }
        List<CustomerManagement.Created> created = customers.createAll(creating.stream().map(Checked::draft).toList());
        List<ContactDraft> contacts = new ArrayList<>();
        for (int i = 0; i < creating.size(); i++) {
            ContactDraft contact = creating.get(i).contact();
            if (contact != null) {
                contacts.add(withCustomer(contact, created.get(i).id()));
            }
        }
        customers.createContactsAll(contacts);
        return results.stream().map(result -> result.apply(created)).toList();
    }

    /** The keys by which a later row of the chunk finds this one as a duplicate, as stored values compare. */
    private static void remember(Checked row, int index, Map<String, Integer> keys) {
        keysOf(row.probe()).forEach(key -> keys.putIfAbsent(key, index));
        if (row.contact() != null) {
            // a later row's phone or e-mail also matches this row's contact, as it would a stored contact
            keysOf(new CustomerDuplicates.Probe(null, row.contact().mobile(), row.contact().email()))
                    .forEach(key -> keys.putIfAbsent(key, index));
        }
    }

    private static Integer earlierRow(Checked row, Map<String, Integer> keys) {
        return keysOf(row.probe()).stream().map(keys::get).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static List<String> keysOf(CustomerDuplicates.Probe probe) {
        List<String> keys = new ArrayList<>(3);
        if (probe.nameKey() != null) {
            keys.add("name:" + probe.nameKey());
        }
        if (probe.normalisedPhone() != null) {
            keys.add("phone:" + probe.normalisedPhone());
        }
        if (probe.normalisedEmail() != null) {
            keys.add("email:" + probe.normalisedEmail());
        }
        return keys;
    }

    private RowResult handle(ImportRow row, DuplicatePolicy policy, boolean write) {
        List<CustomFieldDefinition> fields = customFields.definitions(recordType());
        Checked checked = checked(row, fields);
        if (checked.error() != null) {
            return checked.error();
        }
        CustomerDraft draft = checked.draft();
        Map<String, Object> values = checked.values();
        ContactDraft contact = checked.contact();
        List<String> problems = new ArrayList<>();
        List<DuplicateMatch> matches = duplicates.matchesFor(draft.name(), draft.phone(), draft.email(), null);
        DuplicateMatch match = matches.isEmpty() ? null : matches.get(0);
        if (match != null && policy == DuplicatePolicy.SKIP) {
            return RowResult.skipped(match.visible() ? match.id() : null, "import.customer.duplicate",
                    describe(match));
        }
        boolean updating = match != null && policy == DuplicatePolicy.UPDATE;
        if (updating && (!match.visible() || match.pooled())) {
            return RowResult.error("import.customer.duplicateNotEditable", describe(match));
        }
        // an update keeps stored values of fields the row leaves empty, so "required" counts them
        List<FieldProblem> fieldProblems = updating ? customFields.validate(recordType(), match.id(), values)
                : customFields.validate(recordType(), values);
        if (!fieldProblems.isEmpty()) {
            describe(fieldProblems, fields, problems);
            return RowResult.error("import.error.invalid", String.join("; ", problems));
        }
        if (updating) {
            return write ? update(match, row, values) : RowResult.updated(match.id(), "import.customer.wouldUpdate",
                    describe(match));
        }
        if (!write) {
            return RowResult.created(null, match == null ? "import.customer.wouldCreate"
                    : "import.customer.createdDespiteDuplicate", match == null ? "" : describe(match));
        }
        CustomerManagement.Created created = customers.createReturningNumber(draft);
        if (contact != null) {
            customers.createContactReturningId(contactDraft(row, created.id()));
        }
        return match == null ? RowResult.created(created.id(), "import.customer.created", created.number())
                : RowResult.created(created.id(), "import.customer.createdDespiteDuplicate", describe(match));
    }

    private RowResult update(DuplicateMatch match, ImportRow row, Map<String, Object> values) {
        CustomerView existing = customers.customer(match.id());
        // only the custom-field cells the row fills are sent, so the others keep their stored values
        CustomerDraft draft = new CustomerDraft(existing.name(), or(row.get("industry"), existing.industry()),
                existing.size(), existing.type(), existing.level(), existing.source(),
                or(row.get("address"), existing.address()), or(row.get("phone"), existing.phone()),
                or(row.get("email"), existing.email()), or(row.get("website"), existing.website()),
                or(row.get("background"), existing.background()), existing.painPoints(), existing.version(),
                values.isEmpty() ? null : values);
        CustomerView updated = customers.update(existing.id(), draft, false);
        if (row.has("contactName") && customers.contactsOf(existing.id()).stream().map(ContactView::name)
                .noneMatch(row.get("contactName")::equals)) {
            customers.createContactReturningId(contactDraft(row, existing.id()));
        }
        Set<String> held = new HashSet<>(updated.pendingChanges());
        held.removeAll(existing.pendingChanges());
        if (!held.isEmpty()) {
            return RowResult.updated(existing.id(), "import.customer.updatedPending", existing.number(),
                    String.join(", ", held.stream().map(f -> messages.getMessage("customer.field." + f, null, f,
                            locale())).sorted().toList()));
        }
        return RowResult.updated(existing.id(), "import.customer.updated", existing.number());
    }

    private void describe(List<FieldProblem> fieldProblems, List<CustomFieldDefinition> fields, List<String> problems) {
        for (FieldProblem problem : fieldProblems) {
            String key = problem.field().substring(problem.field().indexOf('.') + 1);
            String label = fields.stream().filter(f -> f.key().equals(key)).findFirst()
                    .map(f -> f.label(locale())).orElse(key);
            problems.add(label + ": " + messages.getMessage(problem.messageKey(), problem.arguments().toArray(),
                    problem.messageKey(), locale()));
        }
    }

    private static ContactDraft contactDraft(ImportRow row, UUID customerId) {
        if (!row.has("contactName")) {
            return null;
        }
        return new ContactDraft(customerId, row.get("contactName"), row.get("contactTitle"), row.get("contactMobile"),
                null, row.get("contactEmail"), null, false, false, null);
    }

    /** Bean validation of a draft, each problem as "column label: message" in the importing user's language. */
    private <T> void check(T draft, String labelPrefix, List<String> problems) {
        for (ConstraintViolation<T> violation : validator.validate(draft)) {
            String property = violation.getPropertyPath().toString();
            String key = labelPrefix.endsWith("contact") ? "contact" + capitalise(property) : property;
            problems.add(label(key) + ": " + violation.getMessage());
        }
    }

    private String label(String column) {
        return messages.getMessage("import.customer.column." + column, null, column, locale());
    }

    private static String describe(DuplicateMatch match) {
        return match.number() + " " + match.name();
    }

    private static String describe(CustomerManagement.Created created, Checked row) {
        return created.number() + " " + row.draft().name();
    }

    private static ContactDraft withCustomer(ContactDraft contact, UUID customerId) {
        return new ContactDraft(customerId, contact.name(), contact.title(), contact.mobile(), contact.officePhone(),
                contact.email(), contact.birthday(), contact.keyDecisionMaker(), contact.primaryContact(),
                contact.version(), contact.customFields());
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String capitalise(String value) {
        return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
