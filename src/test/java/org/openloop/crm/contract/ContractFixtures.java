package org.openloop.crm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.openloop.crm.customer.CustomerModule;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.openloop.crm.testkit.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contracts stored directly, as the demo data would: for tests of payments, scope and masking that need contracts
 * owned by users who may not make them (contracts from quotes are tested through the API in ContractFromQuoteTests).
 */
final class ContractFixtures {

    private ContractFixtures() {
    }

    /** A customer owned by {@code owner} and a contract on it of {@code amount} CNY with one line. */
    static UUID contract(JdbcClient jdbc, DemoUser owner, String title, BigDecimal amount) {
        UUID customer = CustomerModule.insert(jdbc, owner, "合同客户" + TestData.unique());
        return contract(jdbc, owner, customer, title, amount, null);
    }

    static UUID contract(JdbcClient jdbc, DemoUser owner, UUID customerId, String title, BigDecimal amount,
            UUID opportunityId) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        BigDecimal net = amount.divide(new BigDecimal("1.13"), 2, java.math.RoundingMode.HALF_UP);
        jdbc.sql("""
                insert into contract (id, number, title, kind, status, quote_id, quote_number, opportunity_id,
                    customer_id, currency, amount, net_total, tax_total, received, signing_date, term_start, term_end,
                    renewal_date, delivery_status, owner_id, department_id, version, created_at, updated_at)
                values (?, ?, ?, 'CONTRACT', 'ACTIVE', ?, 'BJ-TEST', ?, ?, 'CNY', ?, ?, ?, 0, ?, ?, ?, ?,
                    'NOT_SHIPPED', ?, ?, 0, ?, ?)""")
                .params(id, "HT-T" + TestData.unique(), title, UUID.randomUUID(), opportunityId, customerId, amount,
                        net, amount.subtract(net), LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1),
                        LocalDate.of(2027, 1, 31), LocalDate.of(2027, 1, 31), owner.id(), owner.departmentId(), now,
                        now)
                .update();
        jdbc.sql("""
                insert into contract_line (contract_id, position, product_code, product_name, unit, quantity,
                    unit_price, discount_percent, tax_rate, net_amount, tax_amount, total_amount)
                values (?, 1, 'P-TEST', '测试产品', '套', 1, ?, 0, 13, ?, ?, ?)""")
                .params(id, net, net, amount.subtract(net), amount)
                .update();
        return id;
    }
}
