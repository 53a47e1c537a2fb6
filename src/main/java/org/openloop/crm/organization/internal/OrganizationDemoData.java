package org.openloop.crm.organization.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.openloop.crm.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo company 示例科技有限公司 on first start (when {@link DemoMode} says so), or, on a production
 * database without users, creates the first administrator from {@code crm.bootstrap.admin-password}.
 */
@Component
@Order(10)
class OrganizationDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationDemoData.class);

    private final Departments departments;
    private final Users users;
    private final Roles roles;
    private final PasswordEncoder passwords;
    private final DemoMode demo;
    private final Clock clock;
    private final String bootstrapPassword;
    private final int port;

    OrganizationDemoData(Departments departments, Users users, Roles roles, PasswordEncoder passwords, DemoMode demo,
            Clock clock, @Value("${crm.bootstrap.admin-password:}") String bootstrapPassword,
            @Value("${server.port:8080}") int port) {
        this.port = port;
        this.departments = departments;
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.demo = demo;
        this.clock = clock;
        this.bootstrapPassword = bootstrapPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demo.enabled()) {
            if (users.findByUsernameIgnoreCase("admin").isEmpty()) {
                load();
            }
            LOG.info("""

                    ==============================================================
                     Demo company 示例科技有限公司 is ready at http://localhost:{}
                     Logins (password: {}):
                       admin       administrator 管理员
                       manager     sales manager 销售经理
                       sales1      sales rep 销售代表 (销售一组)
                       sales2      sales rep 销售代表 (销售二组)
                       service1    service specialist 客服专员
                       supervisor  service supervisor 客服主管
                       tech1       technical support 技术支持
                    ==============================================================""", port, demo.password());
        }
        else if (users.count() == 0) {
            bootstrapAdministrator();
        }
    }

    private void bootstrapAdministrator() {
        if (bootstrapPassword.isBlank()) {
            LOG.warn("No users exist. Set crm.bootstrap.admin-password (env CRM_BOOTSTRAP_ADMIN_PASSWORD) to create "
                    + "the first administrator 'admin'.");
            return;
        }
        Instant now = clock.instant();
        UserAccount admin = new UserAccount("admin", passwords.encode(bootstrapPassword), now);
        admin.update("Administrator", null, null, null, null, Set.of(roles.findByCode("ADMIN").orElseThrow()), now);
        users.save(admin);
        LOG.info("Created the first administrator 'admin'. Change its password after signing in.");
    }

    private void load() {
        Instant now = clock.instant();
        Department company = department("示例科技有限公司", null, 0, now);
        Department sales = department("销售部", company, 1, now);
        Department team1 = department("销售一组", sales, 1, now);
        Department team2 = department("销售二组", sales, 2, now);
        Department support = department("技术支持部", company, 2, now);
        Department service = department("售后服务部", company, 3, now);
        department("市场推广部", company, 4, now);
        department("运营部", company, 5, now);
        department("资料中心", company, 6, now);

        String hash = passwords.encode(demo.password());
        Map<String, UserAccount> created = new LinkedHashMap<>();
        created.put("admin", user("admin", "系统管理员", "admin@example.com", "13800000000", company, null, "ADMIN",
                hash, now));
        created.put("manager", user("manager", "王芳", "wang.fang@example.com", "13812345678", sales,
                null, "SALES_MANAGER", hash, now));
        created.put("sales1", user("sales1", "李明", "li.ming@example.com", "13912345601", team1,
                created.get("manager"), "SALES_REP", hash, now));
        created.put("sales2", user("sales2", "赵强", "zhao.qiang@example.com", "13912345602", team2,
                created.get("manager"), "SALES_REP", hash, now));
        created.put("supervisor", user("supervisor", "刘洋", "liu.yang@example.com", "13712345603", service, null,
                "SERVICE_SUPERVISOR", hash, now));
        created.put("service1", user("service1", "陈静", "chen.jing@example.com", "13712345604", service,
                created.get("supervisor"), "SERVICE_SPECIALIST", hash, now));
        created.put("tech1", user("tech1", "孙涛", "sun.tao@example.com", "13612345605", support, null,
                "TECH_SUPPORT", hash, now));

        sales.update(sales.getName(), sales.getParentId(), created.get("manager").getId(), sales.getSortOrder(), now);
        team1.update(team1.getName(), team1.getParentId(), created.get("sales1").getId(), team1.getSortOrder(), now);
        team2.update(team2.getName(), team2.getParentId(), created.get("sales2").getId(), team2.getSortOrder(), now);
        service.update(service.getName(), service.getParentId(), created.get("supervisor").getId(),
                service.getSortOrder(), now);
        support.update(support.getName(), support.getParentId(), created.get("tech1").getId(), support.getSortOrder(),
                now);
        company.update(company.getName(), null, created.get("admin").getId(), 0, now);
        LOG.info("Loaded the demo organisation: {} departments, {} users", departments.count(), created.size());
    }

    private Department department(String name, Department parent, int order, Instant now) {
        Department department = new Department(name, parent == null ? null : parent.getId(), now);
        department.update(name, parent == null ? null : parent.getId(), null, order, now);
        return departments.saveAndFlush(department);
    }

    private UserAccount user(String username, String name, String email, String phone, Department department,
            UserAccount manager, String role, String hash, Instant now) {
        UserAccount user = new UserAccount(username, hash, now);
        user.update(name, email, phone, department.getId(), manager == null ? null : manager.getId(),
                Set.of(roles.findByCode(role).orElseThrow()), now);
        return users.saveAndFlush(user);
    }
}
