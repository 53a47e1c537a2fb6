package org.openloop.crm.contract.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.contract.ContractDraft;
import org.openloop.crm.contract.ContractKind;
import org.openloop.crm.contract.ContractManagement;
import org.openloop.crm.contract.ContractView;
import org.openloop.crm.contract.DeliveryStatus;
import org.openloop.crm.contract.PaymentDraft;
import org.openloop.crm.contract.PaymentManagement;
import org.openloop.crm.contract.PaymentMethod;
import org.openloop.crm.contract.PaymentPlanDraft;
import org.openloop.crm.contract.PaymentPlanView;
import org.openloop.crm.platform.CrmUserDirectory;
import org.openloop.crm.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo contract: the accepted quote of 「A科技公司 ERP 升级项目」 made into a contract by its sales rep, with a plan
 * of three instalments, the first received, partly shipped. Goes through the facades as that rep, so every rule
 * applies; skipped quietly when the quoting demo is not there.
 */
@Component
@Order(60)
class ContractDemoData implements ApplicationRunner {

    static final String OPPORTUNITY = "A科技公司 ERP 升级项目";
    private static final Logger LOG = LoggerFactory.getLogger(ContractDemoData.class);

    private final Contracts contracts;
    private final ContractManagement contractManagement;
    private final PaymentManagement payments;
    private final SalesLinks sales;
    private final CrmUserDirectory users;
    private final DemoMode demo;
    private final Clock clock;
    private final ZoneId zone;

    ContractDemoData(Contracts contracts, ContractManagement contractManagement, PaymentManagement payments,
            SalesLinks sales, CrmUserDirectory users, DemoMode demo, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.contracts = contracts;
        this.contractManagement = contractManagement;
        this.payments = payments;
        this.sales = sales;
        this.users = users;
        this.demo = demo;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        var sales1 = users.findByUsername("sales1").orElse(null);
        if (sales1 == null) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(sales1, null,
                sales1.getAuthorities()));
        try {
            Optional<UUID> quote = sales.demoAcceptedQuote(OPPORTUNITY);
            if (quote.isEmpty()) {
                LOG.info("No accepted demo quote of {}: demo contract skipped", OPPORTUNITY);
                return;
            }
            if (contracts.existsByQuoteId(quote.get())) {
                return;
            }
            load(quote.get());
        }
        finally {
            context.setAuthentication(previous);
        }
    }

    private void load(UUID quoteId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate signed = today.minusDays(40);
        ContractView contract = contractManagement.create(new ContractDraft(quoteId, "A科技公司 ERP 升级合同",
                ContractKind.CONTRACT, signed, signed.plusDays(5), signed.plusYears(1).plusDays(4), null, "张伟",
                "含实施与一年维保。"));
        BigDecimal amount = contract.amount();
        BigDecimal first = amount.multiply(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal second = amount.multiply(new BigDecimal("0.40")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal third = amount.subtract(first).subtract(second);
        PaymentPlanView advance = payments.addPlan(contract.id(),
                new PaymentPlanDraft(signed.plusDays(10), first, "预付款 30%", null));
        payments.addPlan(contract.id(), new PaymentPlanDraft(today.plusDays(20), second, "上线验收款 40%", null));
        payments.addPlan(contract.id(), new PaymentPlanDraft(today.plusDays(120), third, "尾款 30%", null));
        payments.record(contract.id(), new PaymentDraft(signed.plusDays(8), first, PaymentMethod.BANK_TRANSFER,
                "HK" + signed.plusDays(8).toString().replace("-", ""), "预付款", advance.id(), null));
        ContractView current = contractManagement.contract(contract.id());
        contractManagement.deliver(contract.id(), DeliveryStatus.PARTIALLY_SHIPPED, current.version(), false);
        LOG.info("Demo contract {} loaded", contract.number());
    }
}
