package org.openloop.crm.quoting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.catalog.CatalogManagement;
import org.openloop.crm.catalog.ProductRef;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.platform.DemoMode;
import org.openloop.crm.platform.SequenceNumbers;
import org.openloop.crm.quoting.QuoteAction;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo quotes: for {@code A科技公司 ERP 升级项目} an ACCEPTED quote with three lines (licences, implementation days,
 * a year of maintenance) that the contract module's demo turns into a contract, and a DRAFT quote on
 * {@code A科技公司 云存储扩容} priced from the VIP price list.
 */
@Component
@Order(52)
class QuoteDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteDemoData.class);

    private final Quotes quotes;
    private final QuoteLines lines;
    private final OpportunityManagement opportunities;
    private final CatalogManagement catalog;
    private final OrganizationManagement organization;
    private final SequenceNumbers numbers;
    private final DemoMode demo;
    private final Clock clock;
    private final ZoneId zone;
    private final BigDecimal approvalThreshold;
    private final String numberPattern;

    QuoteDemoData(Quotes quotes, QuoteLines lines, OpportunityManagement opportunities, CatalogManagement catalog,
            OrganizationManagement organization, SequenceNumbers numbers, DemoMode demo, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${crm.quote.discount-approval-percent:10}") BigDecimal approvalThreshold,
            @Value("${crm.quote.number-pattern:BJ{date:yyyyMMdd}{seq:3}}") String numberPattern) {
        this.quotes = quotes;
        this.lines = lines;
        this.opportunities = opportunities;
        this.catalog = catalog;
        this.organization = organization;
        this.numbers = numbers;
        this.demo = demo;
        this.clock = clock;
        this.zone = zone;
        this.approvalThreshold = approvalThreshold;
        this.numberPattern = numberPattern;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || quotes.count() > 0) {
            return;
        }
        var erp = opportunities.demoOpportunityNamed("A科技公司 ERP 升级项目");
        var storage = opportunities.demoOpportunityNamed("A科技公司 云存储扩容");
        var std = catalog.demoProductByCode("CRM-STD");
        var impl = catalog.demoProductByCode("SVC-IMPL");
        var maint = catalog.demoProductByCode("SVC-MAINT");
        var server = catalog.demoProductByCode("HW-SRV");
        if (erp.isEmpty() || std.isEmpty() || impl.isEmpty() || maint.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        UserSummary sales1 = organization.activeUsers().stream().filter(u -> u.username().equals("sales1"))
                .findFirst().orElse(null);
        QuoteWorkflow.Actor rep = new QuoteWorkflow.Actor(true, false, false);

        Quote accepted = quote(erp.get(), today.minusDays(7), today.plusDays(23), now.minus(Duration.ofDays(7)),
                "付款方式：合同签订后 30 天内支付 50%，验收后支付 50%。\n交付：签约后 8 周内完成实施。");
        List<QuoteLine> acceptedLines = new ArrayList<>();
        acceptedLines.add(line(accepted, 1, std.get(), "50", std.get().listPrice(), "8", "首期 50 用户"));
        acceptedLines.add(line(accepted, 2, impl.get(), "40", impl.get().listPrice(), "5", "含数据迁移"));
        acceptedLines.add(line(accepted, 3, maint.get(), "1", maint.get().listPrice(), "0", null));
        accepted = save(accepted, acceptedLines);
        UUID owner = sales1 == null ? null : sales1.id();
        accepted.apply(QuoteAction.SEND, rep, owner, null, now.minus(Duration.ofDays(6)));
        accepted.apply(QuoteAction.ACCEPT, rep, owner, null, now.minus(Duration.ofDays(2)));

        if (storage.isPresent() && server.isPresent()) {
            UUID vip = catalog.demoPriceListNamed("VIP价").orElse(null);
            Quote draft = quote(storage.get(), today, today.plusDays(30), now, "报价有效期 30 天。");
            draft.updateHeader(null, vip, today.plusDays(30), "报价有效期 30 天。", now);
            List<QuoteLine> draftLines = new ArrayList<>();
            draftLines.add(line(draft, 1, server.get(), "2",
                    catalog.demoPrice(server.get().id(), vip, today).price(), "0", "扩容节点"));
            draftLines.add(line(draft, 2, maint.get(), "1",
                    catalog.demoPrice(maint.get().id(), vip, today).price(), "0", null));
            save(draft, draftLines);
        }
        LOG.info("Loaded demo quotes: {}", quotes.count());
    }

    private Quote quote(OpportunityRef opportunity, LocalDate date, LocalDate validUntil, Instant created,
            String terms) {
        Quote quote = new Quote(numbers.next("quote", numberPattern), 1, opportunity.id(), opportunity.name(),
                opportunity.customerId(), opportunity.customerName(),
                opportunity.currency() == null ? "CNY" : opportunity.currency(), opportunity.ownerId(),
                opportunity.departmentId(), date, created);
        quote.updateHeader(null, null, validUntil, terms, created);
        return quote;
    }

    private static QuoteLine line(Quote quote, int position, ProductRef product, String quantity, BigDecimal price,
            String discount, String description) {
        return new QuoteLine(quote.getId(), position, product.id(), product.code(), product.name(), description,
                product.unit(), new BigDecimal(quantity), price, new BigDecimal(discount), product.taxRate());
    }

    /** Saves and returns the managed quote (the id is assigned up front, so saving merges a copy). */
    private Quote save(Quote quote, List<QuoteLine> quoteLines) {
        quote.recalculate(quoteLines, approvalThreshold);
        Quote managed = quotes.save(quote);
        lines.saveAll(quoteLines);
        return managed;
    }
}
