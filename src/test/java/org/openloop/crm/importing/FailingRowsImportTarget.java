package org.openloop.crm.importing;

import java.util.List;

import org.openloop.crm.customer.CustomerDraft;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.importing.ImportColumn.Cleaning;
import org.springframework.stereotype.Component;

/**
 * A record type that exists only in tests ({@code failing-rows}): each row creates a customer through the customer
 * facade, and then, if its {@code fail} cell says so, throws ({@code throw}) or reports an error
 * ({@code error}) after that write. It lets the tests check that such a row is undone on its own while the good rows
 * of its chunk are kept.
 */
@Component
class FailingRowsImportTarget implements ImportTarget {

    static final String RECORD_TYPE = "failing-rows";

    private final CustomerManagement customers;

    FailingRowsImportTarget(CustomerManagement customers) {
        this.customers = customers;
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public String permissionModule() {
        return "customer";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(ImportColumn.labelled("name", "名称", "Name", true, Cleaning.TEXT),
                ImportColumn.labelled("fail", "失败", "Fail", false, Cleaning.TEXT));
    }

    @Override
    public RowResult validate(ImportRow row, DuplicatePolicy policy) {
        return RowResult.created(null, "import.customer.wouldCreate", "");
    }

    /** A chunk in one go, as real targets write it: a failing row fails the whole attempt. */
    @Override
    public List<RowResult> writeAll(List<ImportRow> rows, DuplicatePolicy policy) {
        List<CustomerManagement.Created> created = customers.createAll(rows.stream()
                .map(row -> new CustomerDraft(row.get("name"), null, null, null, null, CustomerSource.IMPORT, null,
                        null, null, null, null, null, null))
                .toList());
        List<RowResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            if ("throw".equals(row.get("fail"))) {
                throw new IllegalStateException("failing row " + row.number());
            }
            results.add("error".equals(row.get("fail"))
                    ? RowResult.error("import.error.invalid", "failing row " + row.number())
                    : RowResult.created(created.get(i).id(), "import.customer.created", created.get(i).number()));
        }
        return results;
    }

    @Override
    public RowResult write(ImportRow row, DuplicatePolicy policy) {
        CustomerView created = customers.create(new CustomerDraft(row.get("name"), null, null, null, null,
                CustomerSource.IMPORT, null, null, null, null, null, null, null));
        if ("throw".equals(row.get("fail"))) {
            throw new IllegalStateException("failing row " + row.number());
        }
        if ("error".equals(row.get("fail"))) {
            return RowResult.error("import.error.invalid", "failing row " + row.number());
        }
        return RowResult.created(created.id(), "import.customer.created", created.number());
    }
}
