package org.openloop.crm.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.openloop.crm.catalog.CatalogManagement;
import org.openloop.crm.catalog.ProductDraft;
import org.openloop.crm.catalog.ProductKind;
import org.openloop.crm.catalog.ProductRef;
import org.openloop.crm.catalog.ProductView;
import org.openloop.crm.importing.DuplicatePolicy;
import org.openloop.crm.importing.ImportColumn;
import org.openloop.crm.importing.ImportColumn.Cleaning;
import org.openloop.crm.importing.ImportRow;
import org.openloop.crm.importing.ImportTarget;
import org.openloop.crm.importing.RowResult;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Product import (F4 with B9): one product per row, written through {@link CatalogManagement} so permissions
 * (product:create, product:edit for updates) and validation apply as in the form. A row whose code exists is a
 * duplicate: skipped, updated, or — with CREATE — refused, as codes are unique.
 */
@Component
class ImportableProducts implements ImportTarget {

    static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("code", "product.field.code", Cleaning.TEXT),
            ImportColumn.required("name", "product.field.name", Cleaning.TEXT),
            ImportColumn.optional("category", "product.field.category", Cleaning.TEXT),
            ImportColumn.optional("kind", "product.field.kind", Cleaning.TEXT),
            ImportColumn.required("unit", "product.field.unit", Cleaning.TEXT),
            ImportColumn.required("listPrice", "product.field.listPrice", Cleaning.TEXT),
            ImportColumn.optional("currency", "product.field.currency", Cleaning.TEXT),
            ImportColumn.required("taxRate", "product.field.taxRate", Cleaning.TEXT),
            ImportColumn.optional("description", "product.field.description", Cleaning.TEXT));

    private final CatalogManagement catalog;
    private final Validator validator;
    private final MessageSource messages;

    ImportableProducts(CatalogManagement catalog, Validator validator, MessageSource messages) {
        this.catalog = catalog;
        this.validator = validator;
        this.messages = messages;
    }

    @Override
    public String recordType() {
        return "product";
    }

    @Override
    public String permissionModule() {
        return "product";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
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

    private RowResult handle(ImportRow row, DuplicatePolicy policy, boolean write) {
        List<String> problems = new ArrayList<>();
        BigDecimal listPrice = number(row, "listPrice", problems);
        BigDecimal taxRate = number(row, "taxRate", problems);
        ProductKind kind = kind(row.get("kind"), problems);
        String currency = row.get("currency") == null ? null : row.get("currency").toUpperCase(Locale.ROOT);
        Optional<ProductRef> existing = row.get("code") == null ? Optional.empty()
                : catalog.productByCode(row.get("code").trim());
        ProductDraft draft = new ProductDraft(row.get("code"), row.get("name"), row.get("category"), row.get("unit"),
                listPrice, currency, taxRate, kind, existing.map(ProductRef::active).orElse(true),
                row.get("description"), null);
        for (ConstraintViolation<ProductDraft> violation : validator.validate(draft)) {
            String property = violation.getPropertyPath().toString();
            problems.add(label(property) + ": " + violation.getMessage());
        }
        if (!problems.isEmpty()) {
            return RowResult.error("import.error.invalid", String.join("; ", problems));
        }
        if (existing.isPresent()) {
            ProductRef found = existing.get();
            switch (policy) {
                case SKIP -> {
                    return RowResult.skipped(found.id(), "import.product.duplicate", found.code());
                }
                case CREATE -> {
                    return RowResult.error("product.code.duplicate", found.code());
                }
                case UPDATE -> {
                    if (!write) {
                        return RowResult.updated(found.id(), "import.product.wouldUpdate", found.code());
                    }
                    ProductView current = catalog.productView(found.id());
                    ProductDraft update = new ProductDraft(draft.code(), draft.name(), draft.category(), draft.unit(),
                            draft.listPrice(), draft.currency(), draft.taxRate(), draft.kind(), current.active(),
                            draft.description(), current.version());
                    catalog.updateProduct(found.id(), update, false);
                    return RowResult.updated(found.id(), "import.product.updated", found.code());
                }
            }
        }
        if (!write) {
            return RowResult.created(null, "import.product.wouldCreate", draft.code());
        }
        ProductView created = catalog.createProduct(draft);
        return RowResult.created(created.id(), "import.product.created", created.code());
    }

    private BigDecimal number(ImportRow row, String column, List<String> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").replace("%", "").trim());
        }
        catch (NumberFormatException e) {
            problems.add(label(column) + ": " + messages.getMessage("import.product.notNumber", null,
                    LocaleContextHolder.getLocale()));
            return null;
        }
    }

    private ProductKind kind(String value, List<String> problems) {
        if (value == null) {
            return ProductKind.PRODUCT;
        }
        for (ProductKind kind : ProductKind.values()) {
            if (kind.name().equalsIgnoreCase(value.trim())
                    || messages.getMessage("product.kind." + kind, null, Locale.ENGLISH).equalsIgnoreCase(value.trim())
                    || messages.getMessage("product.kind." + kind, null, Locale.SIMPLIFIED_CHINESE)
                            .equals(value.trim())) {
                return kind;
            }
        }
        problems.add(label("kind") + ": " + messages.getMessage("import.product.kind", null,
                LocaleContextHolder.getLocale()));
        return null;
    }

    private String label(String column) {
        return messages.getMessage("product.field." + column, null, column, LocaleContextHolder.getLocale());
    }
}
