package org.openloop.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.openloop.crm.customer.CompanySize;
import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerType;
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

/** The seed documents' example customers (A科技公司, B制造企业, C零售企业 …) with contacts, for the demo company. */
@Component
@Order(20)
class CustomerDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerDemoData.class);

    private final Customers customers;
    private final Contacts contacts;
    private final Tags tags;
    private final OrganizationManagement organization;
    private final SequenceNumbers numbers;
    private final DemoMode demo;
    private final Clock clock;
    private final String numberPattern;

    CustomerDemoData(Customers customers, Contacts contacts, Tags tags, OrganizationManagement organization,
            SequenceNumbers numbers, DemoMode demo, Clock clock,
            @Value("${crm.customer.number-pattern:KH{date:yyyyMMdd}{seq:4}}") String numberPattern) {
        this.customers = customers;
        this.contacts = contacts;
        this.tags = tags;
        this.organization = organization;
        this.numbers = numbers;
        this.demo = demo;
        this.clock = clock;
        this.numberPattern = numberPattern;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || customers.count() > 0) {
            return;
        }
        var users = organization.activeUsers();
        UserSummary sales1 = user(users, "sales1");
        UserSummary sales2 = user(users, "sales2");
        UserSummary manager = user(users, "manager");
        if (sales1 == null || sales2 == null || manager == null) {
            return;
        }
        Customer a = customer("A科技公司", "IT服务", CompanySize.MEDIUM, CustomerType.POTENTIAL, CustomerLevel.KEY,
                CustomerSource.EXHIBITION, "010-62345678", "contact@a-tech.example.com", "https://a-tech.example.com",
                "北京市海淀区中关村大街 1 号", "专注企业 IT 服务，正在评估云存储方案。", "数据安全与存储成本；对价格敏感，需提供对比方案。",
                sales1, 10);
        contact(a, "张伟", "IT 总监", "13812345678", "zhang.wei@a-tech.example.com", true, true,
                LocalDate.of(1985, 6, 18));
        contact(a, "李娜", "采购经理", "13698765432", "li.na@a-tech.example.com", false, false, null);

        Customer b = customer("B制造企业", "机械制造", CompanySize.LARGE, CustomerType.WON, CustomerLevel.VIP,
                CustomerSource.REFERRAL, "0512-66778899", "service@b-mfg.example.com", null,
                "江苏省苏州市工业园区星湖街 88 号", "大型机械制造企业，已签约设备维护服务。", "设备维护培训需求；希望增加实操环节。",
                sales2, 5);
        contact(b, "王磊", "设备部经理", "13912340139", "wang.lei@b-mfg.example.com", true, true,
                LocalDate.of(1979, 11, 2));

        Customer c = customer("C零售企业", "零售", CompanySize.MEDIUM, CustomerType.WON, CustomerLevel.NORMAL,
                CustomerSource.INBOUND, "021-55667788", null, null, "上海市浦东新区世纪大道 100 号",
                "连锁零售企业。", "物流配送时效；曾因配送延迟投诉。", sales1, 40);
        contact(c, "刘芳", "运营总监", "13511112222", "liu.fang@c-retail.example.com", true, true, null);

        Customer d = customer("D物流有限公司", "物流运输", CompanySize.SMALL, CustomerType.TARGET,
                CustomerLevel.NORMAL, CustomerSource.CAMPAIGN, null, null, null, "广东省深圳市南山区", null,
                "希望降低车队管理成本。", manager, 120);
        contact(d, "陈强", "总经理", "13788889999", null, true, true, null);

        // managed tags (B3)
        Tag focus = tags.save(new Tag("重点跟进", org.openloop.crm.customer.TagColour.RED, true, manager.id(), clock.instant()));
        Tag price = tags.save(new Tag("价格敏感", org.openloop.crm.customer.TagColour.ORANGE, true, manager.id(), clock.instant()));
        Tag loyal = tags.save(new Tag("老客户", org.openloop.crm.customer.TagColour.GREEN, true, manager.id(), clock.instant()));
        a.tag(java.util.Set.of(focus.getId(), price.getId()));
        b.tag(java.util.Set.of(loyal.getId()));
        c.tag(java.util.Set.of(loyal.getId(), price.getId()));

        // two customers in the pool (公海, B5): one returned by hand, one returned automatically
        Customer e = customer("E餐饮连锁", "餐饮", CompanySize.MEDIUM, CustomerType.POTENTIAL, CustomerLevel.NORMAL,
                CustomerSource.EXHIBITION, "0755-26668888", null, null, "广东省深圳市福田区", "连锁餐饮品牌，约 60 家门店。",
                "门店会员管理分散。", sales2, 75);
        e.returnToPool("客户今年暂无预算，退回公海", clock.instant().minus(3, ChronoUnit.DAYS));
        contact(e, "赵敏", "信息部主管", "13600001111", null, true, true, null);
        Customer f = customer("F教育科技", "教育", CompanySize.SMALL, CustomerType.TARGET, CustomerLevel.NORMAL,
                CustomerSource.INBOUND, null, "hello@f-edu.example.com", null, "浙江省杭州市西湖区", null, null, sales1, 50);
        f.returnToPool("customer.pool.reason.automatic", clock.instant().minus(10, ChronoUnit.DAYS));
        customers.saveAndFlush(e);
        customers.saveAndFlush(f);
        LOG.info("Loaded demo customers: {}", customers.count());
    }

    private Customer customer(String name, String industry, CompanySize size, CustomerType type, CustomerLevel level,
            CustomerSource source, String phone, String email, String website, String address, String background,
            String painPoints, UserSummary owner, int daysAgo) {
        Instant created = clock.instant().minus(daysAgo, ChronoUnit.DAYS);
        Customer customer = new Customer(numbers.next("customer", numberPattern), owner.id(), owner.departmentId(),
                created);
        customer.update(new Customer.Details(name, industry, size, type, level, source, address,
                org.openloop.crm.shared.PhoneNumbers.normalise(phone), email,
                website, background, painPoints), created);
        // the follow-up clock of the pool rules starts today, so a fresh demo does not empty itself into the pool
        customer.transferTo(owner.id(), owner.departmentId(), clock.instant());
        return customers.saveAndFlush(customer);
    }

    private void contact(Customer customer, String name, String title, String mobile, String email,
            boolean decisionMaker, boolean primary, LocalDate birthday) {
        Contact contact = new Contact(customer, clock.instant());
        contact.update(new Contact.Details(name, title, mobile, null, email, birthday, decisionMaker, primary),
                clock.instant());
        contacts.save(contact);
    }

    private static UserSummary user(java.util.List<UserSummary> users, String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst().orElse(null);
    }
}
