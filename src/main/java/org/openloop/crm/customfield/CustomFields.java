package org.openloop.crm.customfield;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customfield.internal.FieldDefinition;
import org.openloop.crm.customfield.internal.FieldDefinitions;
import org.openloop.crm.customfield.internal.FieldValue;
import org.openloop.crm.customfield.internal.FieldValues;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.shared.InvalidInputException;
import org.openloop.crm.shared.InvalidInputException.FieldProblem;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.ReferenceDataCache;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

/**
 * Custom fields (B11) for any record type registered as a {@link CustomFieldRecordType}.
 * <ul>
 * <li>Definitions are changed by administrators ({@code organization:edit}) and read by anyone who may view the
 * record type.</li>
 * <li>Owning modules call {@link #validate}, {@link #save} and {@link #saveNew} in the transaction that writes the
 * record, so a field's rules hold on every channel; input maps key → value, unknown keys and values of the wrong type
 * are refused with one {@link FieldProblem} per field, named {@code customFields.<key>}.</li>
 * <li>{@link #valuesOf} loads the values of a whole page in one query; {@link #filter} turns {@code cf.<key>}
 * parameters into a subquery on the typed value columns with bound parameters, for declared filterable fields only.
 * </li>
 * </ul>
 */
@Service
public class CustomFields {

    /** List and API filter parameters of custom fields start with this: {@code cf.<key>}, {@code cf.<key>.from}. */
    public static final String FILTER_PREFIX = "cf.";
    /** The form and API field name of a custom field's errors: {@code customFields.<key>}. */
    public static final String ERROR_PREFIX = "customFields.";
    static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final Pattern OPTION_VALUE = Pattern.compile("^[A-Za-z0-9_\\-]{1,40}$");
    private static final int TEXT_LIMIT = 1000;
    private static final int MAX_SELECTED = 50;

    private final FieldDefinitions definitions;
    private final FieldValues values;
    private final Map<String, CustomFieldRecordType> recordTypes;
    private final OrganizationManagement organization;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final ReferenceDataCache<String, List<CustomFieldDefinition>> cachedDefinitions;

    CustomFields(FieldDefinitions definitions, FieldValues values, List<CustomFieldRecordType> recordTypes,
            OrganizationManagement organization, AuditTrail audit, Clock clock,
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            @Value("${crm.cache.reference-ttl:10s}") java.time.Duration cacheTtl) {
        this.cachedDefinitions = ReferenceDataCache.expiringAfter(cacheTtl, 100);
        this.definitions = definitions;
        this.values = values;
        this.recordTypes = recordTypes.stream()
                .collect(Collectors.toMap(CustomFieldRecordType::recordType, t -> t, (a, b) -> a, LinkedHashMap::new));
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    // --- definitions -------------------------------------------------------------------------------------------

    /** The record types that carry custom fields. */
    public List<String> recordTypes() {
        return List.copyOf(recordTypes.keySet());
    }

    /** The active fields of a record type in display order, for forms, lists and validation. */
    @Transactional(readOnly = true)
    public List<CustomFieldDefinition> definitions(String recordType) {
        return all(recordType).stream().filter(CustomFieldDefinition::active).toList();
    }

    /**
     * Every field of a record type, inactive ones included, for readers of the API and the settings page: refused
     * with 403 to users who may not view records of the type.
     */
    @Transactional(readOnly = true)
    public List<CustomFieldDefinition> definitionsForReader(String recordType, boolean includeInactive) {
        checkReadable(recordType);
        return includeInactive ? all(recordType) : definitions(recordType);
    }

    @Transactional(readOnly = true)
    public CustomFieldDefinition definition(UUID id) {
        FieldDefinition field = definitions.findById(id).orElseThrow(() -> new RecordNotFoundException("customField", id));
        checkReadable(field.getRecordType());
        return view(field);
    }

    @Transactional
    @RequiresPermission(module = "organization", action = "edit")
    public CustomFieldDefinition create(CustomFieldDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.recordType() == null || !recordTypes.containsKey(draft.recordType())) {
            problems.add(FieldProblem.of("recordType", "customfield.recordType.unknown"));
        }
        if (draft.type() == null) {
            problems.add(FieldProblem.of("type", "customfield.type.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        FieldDefinition field = new FieldDefinition(draft.recordType(), newKey(draft.recordType(), draft.labelEn()),
                draft.type(), clock.instant());
        int order = draft.displayOrder() != null ? draft.displayOrder()
                : all(draft.recordType()).stream().mapToInt(CustomFieldDefinition::displayOrder).max().orElse(0) + 10;
        field.update(settings(draft, draft.type(), List.of(), order), clock.instant());
        definitions.save(field);
        forgetDefinitions();
        return view(field);
    }

    @Transactional
    @RequiresPermission(module = "organization", action = "edit")
    public CustomFieldDefinition update(UUID id, CustomFieldDraft draft, boolean versionFromIfMatch) {
        FieldDefinition field = definitions.findById(id).orElseThrow(() -> new RecordNotFoundException("customField", id));
        VersionConflictException.check("customField", id, draft.version(), field.getVersion(), versionFromIfMatch);
        int order = draft.displayOrder() != null ? draft.displayOrder() : field.getDisplayOrder();
        field.update(settings(draft, field.getType(), field.getOptions(), order), clock.instant());
        definitions.flush();
        forgetDefinitions();
        return view(field);
    }

    /** Deactivates (or reactivates) a field: its values stay stored but are no longer shown, asked for or filtered. */
    @Transactional
    @RequiresPermission(module = "organization", action = "edit")
    public CustomFieldDefinition setActive(UUID id, boolean active) {
        FieldDefinition field = definitions.findById(id).orElseThrow(() -> new RecordNotFoundException("customField", id));
        field.activate(active, clock.instant());
        definitions.flush();
        forgetDefinitions();
        return view(field);
    }

    /** Moves a field one place up ({@code -1}) or down ({@code 1}) among the fields of its record type. */
    @Transactional
    @RequiresPermission(module = "organization", action = "edit")
    public void move(UUID id, int direction) {
        FieldDefinition field = definitions.findById(id).orElseThrow(() -> new RecordNotFoundException("customField", id));
        List<FieldDefinition> ordered = new ArrayList<>(
                definitions.findByRecordTypeOrderByDisplayOrderAscCreatedAtAsc(field.getRecordType()));
        int index = ordered.indexOf(field);
        int target = index + Integer.signum(direction);
        if (index < 0 || target < 0 || target >= ordered.size()) {
            return;
        }
        ordered.remove(index);
        ordered.add(target, field);
        Instant now = clock.instant();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getDisplayOrder() != (i + 1) * 10) {
                ordered.get(i).moveTo((i + 1) * 10, now);
            }
        }
        definitions.flush();
        forgetDefinitions();
    }

    /**
     * The field of a record type with this key, defined from {@code draft} first if there is none: for system set-up
     * that runs without a user (the volume data generator), so it checks no permission. The draft is validated like
     * {@link #create}; an existing field is answered as it is, whatever the draft says.
     */
    @Transactional
    public CustomFieldDefinition defineIfAbsent(String recordType, String key, CustomFieldDraft draft) {
        if (!recordTypes.containsKey(recordType) || key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Unknown record type or invalid key: " + recordType + "/" + key);
        }
        var existing = definitions.findByRecordTypeOrderByDisplayOrderAscCreatedAtAsc(recordType).stream()
                .filter(f -> f.getKey().equals(key)).findFirst();
        if (existing.isPresent()) {
            return view(existing.get());
        }
        FieldDefinition field = new FieldDefinition(recordType, key, draft.type(), clock.instant());
        int order = draft.displayOrder() != null ? draft.displayOrder()
                : all(recordType).stream().mapToInt(CustomFieldDefinition::displayOrder).max().orElse(0) + 10;
        field.update(settings(draft, draft.type(), List.of(), order), clock.instant());
        definitions.saveAndFlush(field);
        forgetDefinitions();
        return view(field);
    }

    /**
     * Every field of a record type. Writing one record asks for them several times (validation, storing, reading
     * back) and every list shows them, so they are cached ({@code crm.cache.reference-ttl}, default 10 s); changing a
     * definition drops the cache at once in this instance, other instances of a cluster follow within the ttl.
     */
    private List<CustomFieldDefinition> all(String recordType) {
        return cachedDefinitions.get(recordType, this::load);
    }

    private List<CustomFieldDefinition> load(String recordType) {
        return definitions.findByRecordTypeOrderByDisplayOrderAscCreatedAtAsc(recordType).stream().map(CustomFields::view)
                .toList();
    }

    private void forgetDefinitions() {
        cachedDefinitions.invalidateAll();
    }

    private void checkReadable(String recordType) {
        CustomFieldRecordType type = recordTypes.get(recordType);
        if (type == null) {
            throw new InvalidQueryException("recordType", "customfield.recordType.unknown");
        }
        String wanted = type.permissionModule() + ":view";
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(wanted::equals)) {
            throw new AccessDeniedException(wanted);
        }
    }

    private String newKey(String recordType, String labelEn) {
        String base = (labelEn == null ? "" : labelEn).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "field" + (base.isEmpty() ? "" : "_" + base);
        }
        base = base.length() > 36 ? base.substring(0, 36) : base;
        String key = base;
        for (int n = 2; definitions.existsByRecordTypeAndKey(recordType, key); n++) {
            key = base + "_" + n;
        }
        return key;
    }

    private static FieldDefinition.Settings settings(CustomFieldDraft draft, CustomFieldType type,
            List<CustomFieldOption> existing, int order) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer maxLength = type == CustomFieldType.TEXT ? draft.maxLength() : null;
        String pattern = type == CustomFieldType.TEXT ? draft.pattern() : null;
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            }
            catch (PatternSyntaxException e) {
                problems.add(FieldProblem.of("pattern", "customfield.pattern.invalid"));
            }
        }
        boolean ranged = type.numeric();
        BigDecimal min = ranged ? draft.min() : null;
        BigDecimal max = ranged ? draft.max() : null;
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(FieldProblem.of("max", "customfield.range.invalid"));
        }
        List<CustomFieldOption> options = type.select() ? options(draft.options(), existing, problems) : List.of();
        if (type.select() && options.isEmpty()) {
            problems.add(FieldProblem.of("options", "customfield.options.required"));
        }
        for (String label : List.of(String.valueOf(draft.labelZh()), String.valueOf(draft.labelEn()))) {
            if (label.contains("|") || label.contains("\n")) {
                problems.add(FieldProblem.of("labelZh", "customfield.label.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new FieldDefinition.Settings(draft.labelZh(), draft.labelEn(), draft.required(), maxLength, min, max,
                pattern, options, order, draft.shownInList(), draft.filterable());
    }

    /** Options keep their values; a new option without one gets the next free {@code o<n>}. */
    private static List<CustomFieldOption> options(List<CustomFieldDraft.Option> wanted,
            List<CustomFieldOption> existing, List<FieldProblem> problems) {
        Set<String> used = new HashSet<>();
        existing.forEach(o -> used.add(o.value()));
        wanted.stream().map(CustomFieldDraft.Option::value).filter(Objects::nonNull).map(String::trim)
                .forEach(used::add);
        List<CustomFieldOption> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int next = 1;
        for (CustomFieldDraft.Option option : wanted) {
            String value = option.value() == null ? "" : option.value().trim();
            if (value.isEmpty()) {
                // an option sent again without its value keeps the value it has, found by one of its labels
                value = existing.stream().filter(o -> o.zh().equals(trimmed(option.zh()))
                        || o.en().equals(trimmed(option.en()))).map(CustomFieldOption::value)
                        .filter(v -> !seen.contains(v)).findFirst().orElse("");
            }
            if (value.isEmpty()) {
                while (used.contains("o" + next)) {
                    next++;
                }
                value = "o" + next;
                used.add(value);
            }
            String zh = option.zh() == null ? "" : option.zh().trim();
            String en = option.en() == null ? "" : option.en().trim();
            if (!OPTION_VALUE.matcher(value).matches() || !seen.add(value) || zh.isEmpty() || en.isEmpty()
                    || (zh + en).contains("|") || (zh + en).contains("\n")) {
                problems.add(FieldProblem.of("options", "customfield.options.invalid"));
                continue;
            }
            options.add(new CustomFieldOption(value, zh, en));
        }
        return options;
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }

    static CustomFieldDefinition view(FieldDefinition f) {
        return new CustomFieldDefinition(f.getId(), f.getRecordType(), f.getKey(), f.getLabelZh(), f.getLabelEn(),
                f.getType(), f.isRequired(), f.getMaxLength(), f.getMin(), f.getMax(), f.getPattern(), f.getOptions(),
                f.getDisplayOrder(), f.isActive(), f.isShownInList(), f.isFilterable(), f.getCreatedAt(),
                f.getVersion());
    }

    // --- values ------------------------------------------------------------------------------------------------

    /**
     * The problems of {@code input} for a new record of the type: every required field must be present. An empty
     * list means the input is valid. {@code null} input counts as empty.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> validate(String recordType, Map<String, ?> input) {
        return convert(recordType, null, input).problems();
    }

    /**
     * The problems of {@code input} for an existing record: keys left out keep their stored values, so a required
     * field is missing only when it is neither sent nor stored.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> validate(String recordType, UUID recordId, Map<String, ?> input) {
        return convert(recordType, recordId, input).problems();
    }

    /**
     * Validates and stores the values of a record just created; refuses with {@link InvalidInputException}. Answers
     * the values stored, as {@link #valuesOf} would read them back, so a writer can show the new record without
     * reading it.
     */
    @Transactional
    public Map<String, Object> saveNew(String recordType, UUID recordId, Map<String, ?> input) {
        Converted converted = convert(recordType, null, input);
        write(recordType, recordId, converted, true);
        Map<String, Object> stored = new LinkedHashMap<>();
        for (CustomFieldDefinition field : all(recordType)) {
            List<Object> typed = converted.values().get(field);
            if (typed == null || typed.isEmpty()) {
                continue;
            }
            Object value = read(field, typed.stream().map(v -> row(recordType, recordId, field, v)).toList());
            if (value != null) {
                stored.put(field.key(), value);
            }
        }
        return stored;
    }


    /**
     * Validates and stores the values sent for an existing record; keys left out keep their values, a key sent with
     * {@code null} (or an empty value) clears it. Each changed field is recorded in the record's history.
     */
    @Transactional
    public void save(String recordType, UUID recordId, Map<String, ?> input) {
        if (input == null) {
            return;
        }
        write(recordType, recordId, convert(recordType, recordId, input), false);
    }

    /**
     * Stores the values of many records created in the same transaction, in JDBC batches and without history rows:
     * the bulk path of data loads (the volume data generator), where a history row per value would double the
     * volume. Every record's values are validated as {@link #saveNew} validates them (the definitions are read once);
     * the first record with a problem refuses the whole call with {@link InvalidInputException}. Answers the number
     * of value rows written.
     */
    @Transactional
    public int insertAll(String recordType, Map<UUID, ? extends Map<String, ?>> valuesByRecord) {
        List<CustomFieldDefinition> fields = definitions(recordType);
        List<Object[]> rows = new ArrayList<>();
        valuesByRecord.forEach((recordId, input) -> {
            Converted converted = convert(recordType, null, input, fields);
            if (!converted.problems().isEmpty()) {
                throw new InvalidInputException(converted.problems());
            }
            converted.values().forEach((field, typed) -> typed.forEach(value -> {
                FieldValue row = row(recordType, recordId, field, value);
                rows.add(new Object[] { row.getId(), recordType, recordId, field.id(), row.getText(),
                        row.getNumber(), row.getDate() == null ? null : java.sql.Date.valueOf(row.getDate()) });
            }));
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into custom_field_value (id, record_type, record_id, field_id, text_value, number_value,
                        date_value)
                    values (?, ?, ?, ?, ?, ?, ?)""", rows);
        }
        return rows.size();
    }

    /**
     * The values of many records in one query, by record id and then field key in display order; values are
     * {@code String}, {@code BigDecimal}, {@code LocalDate}, {@code List<String>} (multi-select) or {@code UUID}
     * (user). Records without values map to an empty map.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Map<String, Object>> valuesOf(String recordType, Collection<UUID> recordIds) {
        Map<UUID, Map<String, Object>> result = new HashMap<>();
        recordIds.forEach(id -> result.put(id, new LinkedHashMap<>()));
        if (recordIds.isEmpty()) {
            return result;
        }
        List<CustomFieldDefinition> fields = definitions(recordType);
        if (fields.isEmpty()) {
            return result;
        }
        Map<UUID, Map<UUID, List<FieldValue>>> rows = values.findByRecordTypeAndRecordIdIn(recordType, recordIds)
                .stream().collect(Collectors.groupingBy(FieldValue::getRecordId,
                        Collectors.groupingBy(FieldValue::getFieldId)));
        rows.forEach((recordId, byField) -> {
            Map<String, Object> record = result.computeIfAbsent(recordId, id -> new LinkedHashMap<>());
            for (CustomFieldDefinition field : fields) {
                Object value = read(field, byField.getOrDefault(field.id(), List.of()));
                if (value != null) {
                    record.put(field.key(), value);
                }
            }
        });
        return result;
    }

    /** The values of one record (see {@link #valuesOf}). */
    @Transactional(readOnly = true)
    public Map<String, Object> valuesOf(String recordType, UUID recordId) {
        return valuesOf(recordType, List.of(recordId)).get(recordId);
    }

    /** Removes every value of a record deleted for good. */
    @Transactional
    public void removeAll(String recordType, UUID recordId) {
        values.deleteRecord(recordType, recordId);
    }

    /**
     * The values that follow a merge of {@code mergedId} into {@code survivorId} (B6): those of fields the survivor
     * has no value for. Where both have one, the survivor's stays, the merged record keeps its own, and the
     * survivor's history notes it.
     */
    @Transactional
    public List<UUID> valuesToFollow(String recordType, UUID mergedId, UUID survivorId) {
        List<FieldValue> from = values.findByRecordTypeAndRecordId(recordType, mergedId);
        Set<UUID> present = values.findByRecordTypeAndRecordId(recordType, survivorId).stream()
                .map(FieldValue::getFieldId).collect(Collectors.toSet());
        Map<UUID, FieldDefinition> fields = definitionsOf(from);
        from.stream().filter(v -> present.contains(v.getFieldId())).collect(Collectors.groupingBy(
                FieldValue::getFieldId)).forEach((fieldId, rows) -> audit.record(AuditAction.UPDATE, recordType,
                        survivorId, ERROR_PREFIX + fields.get(fieldId).getKey(), text(rows), null,
                        "kept survivor's value on merge from " + mergedId));
        return from.stream().filter(v -> !present.contains(v.getFieldId())).map(FieldValue::getId).toList();
    }

    /** Moves values (by id) still on {@code fromId} to {@code toId}, noted in its history: a merge or its undo. */
    @Transactional
    public int moveValues(String recordType, Collection<UUID> valueIds, UUID fromId, UUID toId) {
        List<FieldValue> moving = values.findAllById(valueIds).stream()
                .filter(v -> fromId.equals(v.getRecordId())).toList();
        Map<UUID, FieldDefinition> fields = definitionsOf(moving);
        moving.forEach(v -> v.moveTo(toId));
        moving.stream().collect(Collectors.groupingBy(FieldValue::getFieldId)).forEach((fieldId, rows) -> audit
                .record(AuditAction.UPDATE, recordType, toId, ERROR_PREFIX + fields.get(fieldId).getKey(), null,
                        text(rows), "moved from " + fromId + " by a merge or its undo"));
        return moving.size();
    }

    private Map<UUID, FieldDefinition> definitionsOf(List<FieldValue> rows) {
        return definitions.findAllById(rows.stream().map(FieldValue::getFieldId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(FieldDefinition::getId, f -> f));
    }

    /**
     * A list restriction from the {@code cf.*} parameters of a list request: {@code cf.<key>} (text equals, select
     * any of comma-separated values, user, number or date equals), {@code cf.<key>.contains} (text),
     * {@code cf.<key>.from} / {@code cf.<key>.to} (number, money and date ranges, inclusive). Only active, filterable
     * fields of the record type are accepted (others answer 400); values are bound as typed parameters. The entity
     * of {@code T} must have an {@code id} of type {@code UUID}.
     */
    @Transactional(readOnly = true)
    public <T> Specification<T> filter(String recordType, Map<String, String> parameters) {
        List<Map.Entry<String, String>> wanted = parameters.entrySet().stream()
                .filter(e -> e.getKey().startsWith(FILTER_PREFIX) && e.getValue() != null && !e.getValue().isBlank())
                .toList();
        if (wanted.isEmpty()) {
            return Specification.unrestricted();
        }
        Map<String, CustomFieldDefinition> fields = definitions(recordType).stream()
                .filter(CustomFieldDefinition::filterable)
                .collect(Collectors.toMap(CustomFieldDefinition::key, f -> f));
        List<Specification<T>> specs = new ArrayList<>();
        for (Map.Entry<String, String> entry : wanted) {
            String name = entry.getKey().substring(FILTER_PREFIX.length());
            String operator = "";
            int dot = name.indexOf('.');
            if (dot > 0) {
                operator = name.substring(dot + 1);
                name = name.substring(0, dot);
            }
            CustomFieldDefinition field = fields.get(name);
            if (field == null) {
                throw new InvalidQueryException(entry.getKey(), "customfield.filter.unknown", entry.getKey());
            }
            specs.add(restriction(recordType, field, operator, entry.getValue().trim(), entry.getKey()));
        }
        return Specification.allOf(specs);
    }

    private static <T> Specification<T> restriction(String recordType, CustomFieldDefinition field, String operator,
            String raw, String parameter) {
        ValuePredicate predicate;
        try {
            predicate = switch (field.type()) {
                case TEXT -> switch (operator) {
                    case "" -> (cb, v) -> cb.equal(v.get("text"), raw);
                    case "contains" -> (cb, v) -> cb.like(cb.lower(v.get("text")), "%" + escapeLike(raw) + "%", '\\');
                    default -> throw new IllegalArgumentException(operator);
                };
                case SINGLE_SELECT, MULTI_SELECT -> {
                    if (!operator.isEmpty()) {
                        throw new IllegalArgumentException(operator);
                    }
                    List<String> chosen = List.of(raw.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty())
                            .distinct().limit(MAX_SELECTED).toList();
                    yield (cb, v) -> v.get("text").in(chosen);
                }
                case USER -> {
                    String user = UUID.fromString(raw).toString();
                    if (!operator.isEmpty()) {
                        throw new IllegalArgumentException(operator);
                    }
                    yield (cb, v) -> cb.equal(v.get("text"), user);
                }
                case NUMBER, MONEY -> compare(operator, "number", new BigDecimal(raw));
                case DATE -> compare(operator, "date", LocalDate.parse(raw));
            };
        }
        catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidQueryException(parameter, "query.filter.invalid", parameter);
        }
        UUID fieldId = field.id();
        return (root, query, cb) -> {
            Subquery<UUID> matching = query.subquery(UUID.class);
            Root<FieldValue> value = matching.from(FieldValue.class);
            matching.select(value.get("recordId")).where(cb.equal(value.get("recordType"), recordType),
                    cb.equal(value.get("fieldId"), fieldId), predicate.on(cb, value));
            return root.get("id").in(matching);
        };
    }

    @FunctionalInterface
    private interface ValuePredicate {
        Predicate on(jakarta.persistence.criteria.CriteriaBuilder cb, Root<FieldValue> value);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static ValuePredicate compare(String operator, String column, Comparable bound) {
        return switch (operator) {
            case "" -> (cb, v) -> cb.equal(v.get(column), bound);
            case "from" -> (cb, v) -> cb.greaterThanOrEqualTo((Expression<Comparable>) (Expression<?>) v.get(column), bound);
            case "to" -> (cb, v) -> cb.lessThanOrEqualTo((Expression<Comparable>) (Expression<?>) v.get(column), bound);
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static String escapeLike(String value) {
        return value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Readable texts of values in the given language (option labels, user names), for pages and exports. */
    public CustomFieldText text(Locale locale) {
        return new CustomFieldText(locale, organization::names);
    }

    // --- conversion and validation -----------------------------------------------------------------------------

    /** Typed values per field sent in the input ({@code null} list: clear), plus the problems found. */
    private record Converted(Map<CustomFieldDefinition, List<Object>> values, List<FieldProblem> problems) {
    }

    private Converted convert(String recordType, UUID recordId, Map<String, ?> input) {
        return convert(recordType, recordId, input, definitions(recordType));
    }

    private Converted convert(String recordType, UUID recordId, Map<String, ?> input,
            List<CustomFieldDefinition> fields) {
        Map<String, ?> given = input == null ? Map.of() : input;
        Map<String, CustomFieldDefinition> byKey = fields.stream()
                .collect(Collectors.toMap(CustomFieldDefinition::key, f -> f));
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : given.keySet()) {
            if (!byKey.containsKey(key)) {
                problems.add(FieldProblem.of(ERROR_PREFIX + key, "customfield.value.unknown", key));
            }
        }
        Set<UUID> stored = recordId == null ? Set.of()
                : values.findByRecordTypeAndRecordId(recordType, recordId).stream().map(FieldValue::getFieldId)
                        .collect(Collectors.toSet());
        Set<UUID> activeUsers = null;
        Map<CustomFieldDefinition, List<Object>> converted = new LinkedHashMap<>();
        for (CustomFieldDefinition field : fields) {
            String name = ERROR_PREFIX + field.key();
            boolean sent = given.containsKey(field.key());
            if (!sent) {
                if (field.required() && !stored.contains(field.id())) {
                    problems.add(FieldProblem.of(name, "customfield.value.required", label(field)));
                }
                continue;
            }
            List<Object> typed;
            try {
                if (field.type() == CustomFieldType.USER && activeUsers == null) {
                    activeUsers = organization.activeUsers().stream().map(UserSummary::id).collect(Collectors.toSet());
                }
                typed = typed(field, given.get(field.key()), activeUsers, problems);
            }
            catch (RuntimeException e) {
                problems.add(FieldProblem.of(name, "customfield.value.type." + field.type().name().toLowerCase(
                        Locale.ROOT)));
                continue;
            }
            if (typed == null) {
                continue;
            }
            if (typed.isEmpty() && field.required()) {
                problems.add(FieldProblem.of(name, "customfield.value.required", label(field)));
                continue;
            }
            converted.put(field, typed);
        }
        return new Converted(converted, problems);
    }

    private static String label(CustomFieldDefinition field) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return field.label(locale);
    }

    /**
     * The typed values of one field, empty to clear it, or {@code null} when a rule was broken (the problem is then
     * added). Throws on a value of the wrong type.
     */
    private static List<Object> typed(CustomFieldDefinition field, Object raw, Set<UUID> activeUsers,
            List<FieldProblem> problems) {
        String name = ERROR_PREFIX + field.key();
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return List.of();
        }
        switch (field.type()) {
            case TEXT -> {
                String text = text(raw).trim();
                int limit = field.maxLength() == null ? TEXT_LIMIT : Math.min(field.maxLength(), TEXT_LIMIT);
                if (text.length() > limit) {
                    problems.add(FieldProblem.of(name, "customfield.value.tooLong", limit));
                    return null;
                }
                if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).matches()) {
                    problems.add(FieldProblem.of(name, "customfield.value.pattern"));
                    return null;
                }
                return List.of(text);
            }
            case NUMBER, MONEY -> {
                BigDecimal number = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(raw).trim());
                int scale = field.type() == CustomFieldType.MONEY ? 2 : 6;
                if (number.stripTrailingZeros().scale() > scale) {
                    problems.add(FieldProblem.of(name, "customfield.value.scale", scale));
                    return null;
                }
                if (number.abs().compareTo(new BigDecimal("1e17")) >= 0) {
                    problems.add(FieldProblem.of(name, "customfield.value.tooLarge"));
                    return null;
                }
                if (field.min() != null && number.compareTo(field.min()) < 0) {
                    problems.add(FieldProblem.of(name, "customfield.value.min", field.min().stripTrailingZeros()
                            .toPlainString()));
                    return null;
                }
                if (field.max() != null && number.compareTo(field.max()) > 0) {
                    problems.add(FieldProblem.of(name, "customfield.value.max", field.max().stripTrailingZeros()
                            .toPlainString()));
                    return null;
                }
                return List.of(field.type() == CustomFieldType.MONEY ? number.setScale(2) : number);
            }
            case DATE -> {
                return List.of(LocalDate.parse(text(raw).trim()));
            }
            case SINGLE_SELECT -> {
                String value = text(raw).trim();
                if (field.options().stream().noneMatch(o -> o.value().equals(value))) {
                    problems.add(FieldProblem.of(name, "customfield.value.option"));
                    return null;
                }
                return List.of(value);
            }
            case MULTI_SELECT -> {
                Collection<?> items = raw instanceof Collection<?> c ? c : List.of(text(raw).split(","));
                Set<Object> chosen = new LinkedHashSet<>();
                for (Object item : items) {
                    String value = text(item).trim();
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (field.options().stream().noneMatch(o -> o.value().equals(value))) {
                        problems.add(FieldProblem.of(name, "customfield.value.option"));
                        return null;
                    }
                    chosen.add(value);
                }
                return List.copyOf(chosen);
            }
            case USER -> {
                UUID user = UUID.fromString(text(raw).trim());
                if (!activeUsers.contains(user)) {
                    problems.add(FieldProblem.of(name, "customfield.value.user"));
                    return null;
                }
                return List.of(user);
            }
            default -> throw new IllegalStateException(field.type().name());
        }
    }

    /** A scalar as text; a JSON object, array (outside multi-select) or boolean is the wrong type. */
    private static String text(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Number n) {
            return n.toString();
        }
        throw new IllegalArgumentException("Not a scalar: " + raw.getClass().getSimpleName());
    }

    private void write(String recordType, UUID recordId, Converted converted, boolean created) {
        if (!converted.problems().isEmpty()) {
            throw new InvalidInputException(converted.problems());
        }
        if (converted.values().isEmpty()) {
            return;
        }
        Map<UUID, List<FieldValue>> current = created ? Map.of()
                : values.findByRecordTypeAndRecordId(recordType, recordId).stream()
                        .collect(Collectors.groupingBy(FieldValue::getFieldId));
        converted.values().forEach((field, typed) -> {
            List<FieldValue> old = current.getOrDefault(field.id(), List.of());
            String before = old.isEmpty() ? null : text(old);
            List<FieldValue> rows = typed.stream().map(v -> row(recordType, recordId, field, v)).toList();
            String after = rows.isEmpty() ? null : text(rows);
            if (Objects.equals(before, after)) {
                return;
            }
            values.deleteAll(old);
            values.flush();
            values.saveAll(rows);
            audit.record(created ? AuditAction.CREATE : AuditAction.UPDATE, recordType, recordId,
                    ERROR_PREFIX + field.key(), before, after, null);
        });
    }

    private static FieldValue row(String recordType, UUID recordId, CustomFieldDefinition field, Object value) {
        return switch (field.type()) {
            case NUMBER, MONEY -> new FieldValue(recordType, recordId, field.id(), null, (BigDecimal) value, null);
            case DATE -> new FieldValue(recordType, recordId, field.id(), null, null, (LocalDate) value);
            default -> new FieldValue(recordType, recordId, field.id(), value.toString(), null, null);
        };
    }

    /** Stored rows as one comparable text, for the history. */
    private static String text(List<FieldValue> rows) {
        return rows.stream().map(r -> r.getText() != null ? r.getText()
                : r.getNumber() != null ? r.getNumber().stripTrailingZeros().toPlainString()
                        : r.getDate() != null ? r.getDate().toString() : "")
                .sorted().collect(Collectors.joining(", "));
    }

    private static Object read(CustomFieldDefinition field, List<FieldValue> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        FieldValue first = rows.get(0);
        return switch (field.type()) {
            case TEXT, SINGLE_SELECT -> first.getText();
            case MULTI_SELECT -> {
                List<String> chosen = new ArrayList<>(rows.stream().map(FieldValue::getText).toList());
                List<String> order = field.options().stream().map(CustomFieldOption::value).toList();
                chosen.sort(java.util.Comparator.comparingInt(v -> order.indexOf(v) < 0 ? Integer.MAX_VALUE
                        : order.indexOf(v)));
                yield List.copyOf(chosen);
            }
            case USER -> UUID.fromString(first.getText());
            case NUMBER -> first.getNumber() == null ? null : plain(first.getNumber().stripTrailingZeros());
            case MONEY -> first.getNumber() == null ? null : first.getNumber().setScale(2, java.math.RoundingMode.HALF_UP);
            case DATE -> first.getDate();
        };
    }

    private static BigDecimal plain(BigDecimal number) {
        return number.scale() < 0 ? number.setScale(0) : number;
    }
}
