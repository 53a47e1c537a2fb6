package org.openloop.crm.sales.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerManagement.CustomerRef;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.platform.DemoMode;
import org.openloop.crm.platform.SequenceNumbers;
import org.openloop.crm.sales.OpportunityStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo sales data: the loss reasons (价格过高, 选择竞品, 预算取消, 需求变化, 其他) and opportunities of A科技公司, B制造企业
 * and C零售企业 across the default pipeline's stages, owned by sales1 and sales2 — among them the open
 * {@code A科技公司 ERP 升级项目} and the won {@code B制造企业 设备管理系统} that other modules' demo data build on.
 */
@Component
@Order(40)
class SalesDemoData implements ApplicationRunner {

    static final List<String> LOSS_REASONS = List.of("价格过高", "选择竞品", "预算取消", "需求变化", "其他");

    private final Opportunities opportunities;
    private final StageChanges changes;
    private final Pipelines pipelines;
    private final Stages stages;
    private final LossReasons lossReasons;
    private final OpportunitySearch search;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final SequenceNumbers numbers;
    private final DemoMode demo;
    private final Clock clock;
    private final ZoneId zone;
    private final String numberPattern;

    SalesDemoData(Opportunities opportunities, StageChanges changes, Pipelines pipelines, Stages stages,
            LossReasons lossReasons, OpportunitySearch search, CustomerManagement customers,
            OrganizationManagement organization, SequenceNumbers numbers, DemoMode demo, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${crm.opportunity.number-pattern:SJ{date:yyyyMMdd}{seq:4}}") String numberPattern) {
        this.opportunities = opportunities;
        this.changes = changes;
        this.pipelines = pipelines;
        this.stages = stages;
        this.lossReasons = lossReasons;
        this.search = search;
        this.customers = customers;
        this.organization = organization;
        this.numbers = numbers;
        this.demo = demo;
        this.clock = clock;
        this.zone = zone;
        this.numberPattern = numberPattern;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Instant now = clock.instant();
        for (int i = 0; i < LOSS_REASONS.size(); i++) {
            String name = LOSS_REASONS.get(i);
            if (lossReasons.findByName(name).isEmpty()) {
                lossReasons.save(new LossReason(name, i + 1, now));
            }
        }
        if (opportunities.count() > 0) {
            return;
        }
        var users = organization.activeUsers();
        UserSummary sales1 = user(users, "sales1");
        UserSummary sales2 = user(users, "sales2");
        var a = customers.demoCustomerNamed("A科技公司");
        var b = customers.demoCustomerNamed("B制造企业");
        var c = customers.demoCustomerNamed("C零售企业");
        Pipeline pipeline = pipelines.findFirstByDefaultPipelineTrue().orElse(null);
        if (sales1 == null || sales2 == null || a.isEmpty() || b.isEmpty() || c.isEmpty() || pipeline == null) {
            return;
        }
        List<Stage> steps = stages.findByPipelineIdOrderByPositionAscNameAsc(pipeline.getId());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        create(a.get(), sales1, "A科技公司 ERP 升级项目", "580000", today.plusMonths(1), pipeline, steps.get(2),
                OpportunityStatus.OPEN, null, "用友、金蝶", "提交报价方案并安排技术交流", now, 20);
        create(a.get(), sales1, "A科技公司 云存储扩容", "120000", today.plusMonths(2), pipeline, steps.get(0),
                OpportunityStatus.OPEN, null, null, "确认存储容量需求", now, 5);
        create(b.get(), sales2, "B制造企业 设备管理系统", "860000", today.minusDays(10), pipeline, steps.get(3),
                OpportunityStatus.WON, null, "SAP", null, now, 60);
        create(b.get(), sales2, "B制造企业 MES 二期", "450000", today.plusMonths(3), pipeline, steps.get(1),
                OpportunityStatus.OPEN, null, null, "安排车间调研", now, 12);
        create(c.get(), sales1, "C零售企业 会员营销平台", "230000", today.minusDays(20), pipeline, steps.get(2),
                OpportunityStatus.LOST, lossReasons.findByName("价格过高").map(LossReason::getId).orElse(null),
                "有赞", null, now, 40);
        create(c.get(), sales1, "C零售企业 门店收银升级", "90000", today.plusDays(20), pipeline, steps.get(3),
                OpportunityStatus.OPEN, null, null, "等待采购审批", now, 30);
    }

    private void create(CustomerRef customer, UserSummary owner, String name, String amount, LocalDate closeDate,
            Pipeline pipeline, Stage stage, OpportunityStatus status, UUID lossReasonId, String competitors,
            String nextStep, Instant now, int ageDays) {
        Instant created = now.minus(Duration.ofDays(ageDays));
        Opportunity o = new Opportunity(numbers.next("opportunity", numberPattern), owner.id(), owner.departmentId(),
                created);
        o.moveTo(pipeline.getId(), stage.getId(), stage.getProbability(), created);
        o.update(new Opportunity.Details(customer.id(), customer.name(), name, new BigDecimal(amount), "CNY",
                closeDate, stage.getProbability(), null, competitors, nextStep, null), created);
        Instant changed = now.minus(Duration.ofDays(Math.max(1, ageDays / 3)));
        o = opportunities.save(o); // the id is set up front, so save merges: keep working on the managed copy
        changes.save(new StageChange(o.getId(), null, stage.getId(), null, OpportunityStatus.OPEN, created,
                owner.id(), null));
        if (status != OpportunityStatus.OPEN) {
            int probability = status == OpportunityStatus.LOST ? 0 : 100;
            o.changeStatus(status, lossReasonId, null, probability, changed);
            changes.save(new StageChange(o.getId(), stage.getId(), stage.getId(), OpportunityStatus.OPEN, status,
                    changed, owner.id(), null));
        }
        opportunities.flush();
        search.index(o);
    }

    private static UserSummary user(List<UserSummary> users, String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst().orElse(null);
    }
}
