package org.openloop.crm.activity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.activity.InteractionChannel;
import org.openloop.crm.activity.InteractionDraft;
import org.openloop.crm.activity.InteractionManagement;
import org.openloop.crm.activity.TaskDraft;
import org.openloop.crm.activity.TaskKind;
import org.openloop.crm.activity.TaskManagement;
import org.openloop.crm.activity.TaskPriority;
import org.openloop.crm.activity.TodoDraft;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.platform.CrmUserDirectory;
import org.openloop.crm.platform.DemoMode;
import org.openloop.crm.shared.ListRequest;
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
 * Demo interactions with A科技公司 and tasks for sales1 (one overdue, one today, upcoming ones), recorded through the
 * facades as sales1 so every rule applies. Only in demo mode, and only once.
 */
@Component
@Order(30)
class ActivityDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityDemoData.class);

    private final Interactions interactions;
    private final InteractionManagement interactionManagement;
    private final TaskManagement tasks;
    private final CustomerManagement customers;
    private final CrmUserDirectory users;
    private final DemoMode demo;
    private final Clock clock;
    private final ZoneId zone;

    ActivityDemoData(Interactions interactions, InteractionManagement interactionManagement, TaskManagement tasks,
            CustomerManagement customers, CrmUserDirectory users, DemoMode demo, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.interactions = interactions;
        this.interactionManagement = interactionManagement;
        this.tasks = tasks;
        this.customers = customers;
        this.users = users;
        this.demo = demo;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || interactions.count() > 0) {
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
        List<CustomerView> found = customers.customers(new ListRequest(null, 5, null, "A科技公司", Map.of())).items();
        if (found.isEmpty()) {
            return;
        }
        UUID a = found.get(0).id();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        interactionManagement.create(new InteractionDraft(a, InteractionChannel.PHONE,
                today.minusDays(6).atTime(10, 30).atZone(zone).toInstant(), null, List.of(), List.of(),
                "电话沟通云存储需求", "张伟介绍了现有存储架构和扩容计划。", "关注数据安全与成本。", "约定下周上门拜访。",
                List.of(), false, null, null, null, null));
        interactionManagement.create(new InteractionDraft(a, InteractionChannel.VISIT,
                today.minusDays(2).atTime(14, 0).atZone(zone).toInstant(), "A科技公司会议室", List.of(), List.of(),
                "上门拜访，演示云存储方案", "演示了方案，IT 总监和采购经理参加。", "对价格敏感，希望看到对比方案。",
                "一周内提交报价与对比方案。",
                List.of(new TodoDraft("提交报价与竞品对比方案", null, today.plusDays(3).atTime(18, 0).atZone(zone).toInstant())),
                true, null, null, null, null));
        tasks.create(new TaskDraft("回复 A科技公司 技术问题清单", TaskKind.CUSTOMER, TaskPriority.HIGH, null, null,
                now.minusSeconds(26 * 3600), 60, null, a, null, null, null, null, null, null));
        tasks.create(new TaskDraft("电话确认拜访纪要", TaskKind.CUSTOMER, TaskPriority.MEDIUM, null, null,
                today.atTime(17, 30).atZone(zone).toInstant(), 30, null, a, null, null, null, null, null, null));
        tasks.create(new TaskDraft("整理本周客户拜访计划", TaskKind.OWN, TaskPriority.LOW, null, null,
                today.plusDays(5).atTime(9, 0).atZone(zone).toInstant(), 30, null, null, null, null, null, null, null,
                null));
        LOG.info("Demo interactions and tasks loaded");
    }
}
