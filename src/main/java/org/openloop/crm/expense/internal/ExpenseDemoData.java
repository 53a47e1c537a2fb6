package org.openloop.crm.expense.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.activity.InteractionChannel;
import org.openloop.crm.activity.InteractionDraft;
import org.openloop.crm.activity.InteractionManagement;
import org.openloop.crm.activity.TaskDraft;
import org.openloop.crm.activity.TaskKind;
import org.openloop.crm.activity.TaskManagement;
import org.openloop.crm.activity.TaskPriority;
import org.openloop.crm.attachment.AttachmentManagement;
import org.openloop.crm.expense.ExpenseDraft;
import org.openloop.crm.expense.ExpenseManagement;
import org.openloop.crm.expense.ExpenseType;
import org.openloop.crm.expense.ExpenseView;
import org.openloop.crm.platform.CrmUserDirectory;
import org.openloop.crm.platform.DemoMode;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
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
 * Demo expenses on A科技公司's ERP upgrade opportunity (one with a text receipt), and an interaction and a task linked
 * to the opportunity, recorded through the facades as sales1 so every rule applies. Only in demo mode, and once.
 */
@Component
@Order(65)
class ExpenseDemoData implements ApplicationRunner {

    static final String OPPORTUNITY = "A科技公司 ERP 升级项目";

    private static final Logger LOG = LoggerFactory.getLogger(ExpenseDemoData.class);

    private final Expenses expenses;
    private final ExpenseManagement expenseManagement;
    private final OpportunityManagement opportunities;
    private final InteractionManagement interactions;
    private final TaskManagement tasks;
    private final AttachmentManagement attachments;
    private final CrmUserDirectory users;
    private final DemoMode demo;
    private final Clock clock;
    private final ZoneId zone;

    ExpenseDemoData(Expenses expenses, ExpenseManagement expenseManagement, OpportunityManagement opportunities,
            InteractionManagement interactions, TaskManagement tasks, AttachmentManagement attachments,
            CrmUserDirectory users, DemoMode demo, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.expenses = expenses;
        this.expenseManagement = expenseManagement;
        this.opportunities = opportunities;
        this.interactions = interactions;
        this.tasks = tasks;
        this.attachments = attachments;
        this.users = users;
        this.demo = demo;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || expenses.count() > 0) {
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
            load();
        }
        finally {
            context.setAuthentication(previous);
        }
    }

    private void load() {
        OpportunityRef opportunity = opportunities.demoOpportunityNamed(OPPORTUNITY).orElse(null);
        if (opportunity == null) {
            return;
        }
        UUID opportunityId = opportunity.id();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        ExpenseView travel = expenseManagement.create(new ExpenseDraft(opportunityId, ExpenseType.TRAVEL,
                new BigDecimal("1280.00"), "CNY", today.minusDays(5), "上门调研 ERP 现状：往返高铁与一晚住宿", null));
        expenseManagement.create(new ExpenseDraft(opportunityId, ExpenseType.ENTERTAINMENT, new BigDecimal("860.50"),
                "CNY", today.minusDays(2), "方案交流后与 IT 总监工作午餐", null));
        byte[] receipt = ("差旅报销票据\n高铁 往返 2 张：  553.00\n酒店 1 晚：       727.00\n合计：          1280.00\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            attachments.upload(ExpenseManagement.RECORD_TYPE, travel.id(), "差旅票据.txt", receipt.length,
                    new ByteArrayInputStream(receipt));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        interactions.create(new InteractionDraft(opportunity.customerId(), InteractionChannel.VISIT,
                today.minusDays(5).atTime(10, 0).atZone(zone).toInstant(), "A科技公司会议室", List.of(), List.of(),
                "ERP 升级需求调研", "梳理了财务、采购与库存模块的现状与痛点。", "希望分期上线，先财务后供应链。",
                "两周内提交升级方案。", List.of(), false, null, null, opportunityId, null));
        tasks.create(new TaskDraft("提交 ERP 升级方案", TaskKind.CUSTOMER, TaskPriority.HIGH, null, null,
                today.plusDays(7).atTime(18, 0).atZone(zone).toInstant(), 60, null, opportunity.customerId(),
                opportunityId, null, null, null, null, null));
        LOG.info("Demo expenses loaded");
    }
}
