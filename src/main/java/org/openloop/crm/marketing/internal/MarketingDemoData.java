package org.openloop.crm.marketing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.openloop.crm.customer.CapturedLead;
import org.openloop.crm.customer.CustomerLeads;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.LeadCapture;
import org.openloop.crm.marketing.CampaignAction;
import org.openloop.crm.marketing.CampaignType;
import org.openloop.crm.marketing.MemberStatus;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.platform.CrmUserDirectory;
import org.openloop.crm.platform.DemoMode;
import org.openloop.crm.sales.OpportunityManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo company's campaigns (J1, J2): 2026 春季产品发布会 (conference, completed, budget 50 000, cost 42 000) with
 * the demo customers as members and their responses, its public form switched on and one lead it captured; and a
 * planned online campaign with a target segment. The won demo opportunity B制造企业 设备管理系统 is linked to the
 * spring launch through sales (as the administrator), so its ROI is not zero. Loaded once, after sales.
 */
@Component
@Order(45)
class MarketingDemoData implements ApplicationRunner {

    static final String SPRING_LAUNCH = "2026 春季产品发布会";

    private static final Logger LOG = LoggerFactory.getLogger(MarketingDemoData.class);

    private final Campaigns campaigns;
    private final CampaignMembers members;
    private final CampaignLeads leads;
    private final CustomerManagement customers;
    private final CustomerLeads customerLeads;
    private final OrganizationManagement organization;
    private final OpportunityManagement opportunities;
    private final CrmUserDirectory users;
    private final DemoMode demo;
    private final Clock clock;

    MarketingDemoData(Campaigns campaigns, CampaignMembers members, CampaignLeads leads, CustomerManagement customers,
            CustomerLeads customerLeads, OrganizationManagement organization, OpportunityManagement opportunities,
            CrmUserDirectory users, DemoMode demo, Clock clock) {
        this.campaigns = campaigns;
        this.members = members;
        this.leads = leads;
        this.customers = customers;
        this.customerLeads = customerLeads;
        this.organization = organization;
        this.opportunities = opportunities;
        this.users = users;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || campaigns.count() > 0) {
            return;
        }
        UserSummary manager = organization.activeUsers().stream().filter(u -> u.username().equals("manager"))
                .findFirst().orElse(null);
        if (manager == null) {
            return;
        }
        Instant now = clock.instant();
        Campaign spring = new Campaign(manager.id(), manager.departmentId(), now.minus(Duration.ofDays(60)));
        spring.update(new Campaign.Details(SPRING_LAUNCH, CampaignType.CONFERENCE, LocalDate.of(2026, 3, 18),
                LocalDate.of(2026, 3, 19), new BigDecimal("50000"), new BigDecimal("42000"), new BigDecimal("300000"),
                "CNY", "面向制造与零售行业客户发布新一代设备管理系统，现场演示并开放试用报名。", "level=KEY"), now);
        spring.apply(CampaignAction.START, now.minus(Duration.ofDays(50)));
        spring.apply(CampaignAction.COMPLETE, now.minus(Duration.ofDays(40)));
        spring.enableForm(true, now);
        campaigns.save(spring);

        List<Object[]> invited = List.of(
                new Object[] {"A科技公司", MemberStatus.ATTENDED, "技术总监到场，预约了产品演示。"},
                new Object[] {"B制造企业", MemberStatus.ATTENDED, "采购经理与设备部负责人参加。"},
                new Object[] {"C零售企业", MemberStatus.RESPONDED, "已报名，因行程冲突未能到场。"},
                new Object[] {"D物流有限公司", MemberStatus.NO_RESPONSE, null},
                new Object[] {"E餐饮连锁", MemberStatus.INVITED, null});
        for (Object[] row : invited) {
            customers.demoCustomerNamed((String) row[0]).ifPresent(c -> {
                CampaignMember member = new CampaignMember(spring.getId(), c.id(), c.name(), null, null,
                        now.minus(Duration.ofDays(55)));
                MemberStatus status = (MemberStatus) row[1];
                if (status != MemberStatus.INVITED) {
                    member.respond(status, (String) row[2], now.minus(Duration.ofDays(42)));
                }
                members.save(member);
            });
        }

        CapturedLead lead = customerLeads.capture(new LeadCapture("G智能装备有限公司", "周经理", "13900139018",
                "zhou@g-equipment.example", "希望了解设备管理系统的试用方案。", CustomerSource.WEB_FORM));
        leads.save(new CampaignLead(spring.getId(), lead.customerId(), lead.customerName(), lead.contactId(),
                lead.contactName(), "希望了解设备管理系统的试用方案。", CampaignLead.FORM, lead.duplicate(), true,
                now.minus(Duration.ofDays(45))));

        Campaign autumn = new Campaign(manager.id(), manager.departmentId(), now.minus(Duration.ofDays(3)));
        autumn.update(new Campaign.Details("2026 秋季线上研讨会", CampaignType.ONLINE, LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 10, 20), new BigDecimal("20000"), null, new BigDecimal("100000"), "CNY",
                "面向潜在客户的线上研讨会：数字化设备管理实践分享。", "type=POTENTIAL"), now);
        campaigns.save(autumn);
        campaigns.flush();
        linkWonOpportunity(spring);
        LOG.info("Loaded demo campaigns: {}", campaigns.count());
    }

    /** Sales checks permission and scope on every change, so the link is made as the administrator. */
    private void linkWonOpportunity(Campaign spring) {
        var admin = users.findByUsername("admin").orElse(null);
        var won = opportunities.demoOpportunityNamed("B制造企业 设备管理系统");
        if (admin == null || won.isEmpty()) {
            LOG.warn("Demo opportunity B制造企业 设备管理系统 not found; the spring launch has no won opportunity");
            return;
        }
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
                admin.getAuthorities()));
        try {
            opportunities.linkCampaign(won.get().id(), spring.getId());
        }
        finally {
            context.setAuthentication(previous);
        }
    }
}
