package org.openloop.crm.collaboration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.openloop.crm.collaboration.CollaborationAction;
import org.openloop.crm.collaboration.CollaborationPriority;
import org.openloop.crm.collaboration.LogKind;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.platform.DemoMode;
import org.openloop.crm.platform.SequenceNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's two collaboration tasks (表2): X001 for A科技公司 asked of technical support, done and waiting for the
 * customer's feedback, and X002 for B制造企业 asked of after-sales service, in progress.
 */
@Component
@Order(30)
class CollaborationDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CollaborationDemoData.class);

    private final CollaborationTasks tasks;
    private final CollaborationLog log;
    private final CustomerManagement customers;
    private final OrganizationManagement organization;
    private final SequenceNumbers numbers;
    private final DemoMode demo;
    private final Clock clock;
    private final String numberPattern;

    CollaborationDemoData(CollaborationTasks tasks, CollaborationLog log, CustomerManagement customers,
            OrganizationManagement organization, SequenceNumbers numbers, DemoMode demo, Clock clock,
            @Value("${crm.collaboration.number-pattern:X{seq:3}}") String numberPattern) {
        this.tasks = tasks;
        this.log = log;
        this.customers = customers;
        this.organization = organization;
        this.numbers = numbers;
        this.demo = demo;
        this.clock = clock;
        this.numberPattern = numberPattern;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || tasks.count() > 0) {
            return;
        }
        var users = organization.activeUsers();
        UserSummary sales1 = user(users, "sales1");
        UserSummary sales2 = user(users, "sales2");
        UserSummary tech1 = user(users, "tech1");
        UserSummary service1 = user(users, "service1");
        var a = customers.demoCustomerNamed("A科技公司");
        var b = customers.demoCustomerNamed("B制造企业");
        if (sales1 == null || sales2 == null || tech1 == null || service1 == null || a.isEmpty() || b.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant started = now.minus(Duration.ofDays(6));
        CollaborationTask x001 = new CollaborationTask(numbers.next("collaboration", numberPattern), a.get().id(),
                a.get().name(), sales1.id(), sales1.departmentId(), Set.of(tech1.id()), Set.of(tech1.departmentId()),
                "为A科技公司提供云存储方案对比", "客户正在评估云存储方案，对价格敏感，需要与主流方案的对比。",
                "技术方案、报价支持", CollaborationPriority.URGENT, now.minus(Duration.ofDays(2)), started);
        x001.apply(CollaborationAction.ACCEPT, tech1.id(), null, started.plus(Duration.ofHours(2)));
        x001.apply(CollaborationAction.SUBMIT, tech1.id(), null, now.minus(Duration.ofDays(4)));
        x001.apply(CollaborationAction.APPROVE, sales1.id(), null, now.minus(Duration.ofDays(3)));
        tasks.save(x001);
        log.save(new CollaborationLogEntry(x001.getId(), LogKind.PROGRESS, "已整理三家主流云存储方案的价格与安全性对比。",
                tech1.id(), started.plus(Duration.ofDays(1))));
        log.save(new CollaborationLogEntry(x001.getId(), LogKind.SOLUTION, "方案已提交，客户正在评估。", tech1.id(),
                now.minus(Duration.ofDays(4))));

        Instant started2 = now.minus(Duration.ofDays(2));
        CollaborationTask x002 = new CollaborationTask(numbers.next("collaboration", numberPattern), b.get().id(),
                b.get().name(), sales2.id(), sales2.departmentId(), Set.of(service1.id()),
                Set.of(service1.departmentId()), "B制造企业设备维护培训安排", "已签约设备维护服务，客户需要一线人员的维护培训。",
                "培训供应商、培训场地", CollaborationPriority.IMPORTANT, now.plus(Duration.ofDays(5)), started2);
        x002.apply(CollaborationAction.ACCEPT, service1.id(), null, started2.plus(Duration.ofHours(3)));
        tasks.save(x002);
        log.save(new CollaborationLogEntry(x002.getId(), LogKind.PROGRESS, "已联系培训供应商，待确认时间。",
                service1.id(), now.minus(Duration.ofDays(1))));
        log.save(new CollaborationLogEntry(x002.getId(), LogKind.PROBLEM, "客户希望增加实操环节，需与供应商确认课程安排。",
                service1.id(), now.minus(Duration.ofHours(5))));
        LOG.info("Loaded demo collaboration tasks: {}", tasks.count());
    }

    private static UserSummary user(java.util.List<UserSummary> users, String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst().orElse(null);
    }
}
