package org.openloop.crm.organization;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openloop.crm.organization.internal.Role;
import org.openloop.crm.organization.internal.Roles;
import org.openloop.crm.shared.DataScope.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The six built-in roles of A2 with sensible defaults. Created on start-up when missing; an administrator's later
 * changes to them are kept (only the administrator role is fixed).
 */
@Component
@Order(0)
class BuiltInRoles implements ApplicationRunner {

    static final String ADMIN = "ADMIN";
    static final String SALES_MANAGER = "SALES_MANAGER";
    static final String SALES_REP = "SALES_REP";
    static final String SERVICE_SUPERVISOR = "SERVICE_SUPERVISOR";
    static final String SERVICE_SPECIALIST = "SERVICE_SPECIALIST";
    static final String TECH_SUPPORT = "TECH_SUPPORT";

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInRoles.class);
    private static final List<String> ALL = List.of("view", "create", "edit", "delete", "export", "assign");
    private static final List<String> WORK = List.of("view", "create", "edit");

    record Defaults(String name, Level scope, boolean viewSensitive, Set<String> permissions) {
    }

    private final Roles roles;
    private final Clock clock;

    BuiltInRoles(Roles roles, Clock clock) {
        this.roles = roles;
        this.clock = clock;
    }

    static Map<String, Defaults> defaults() {
        Map<String, Defaults> defaults = new LinkedHashMap<>();
        defaults.put(ADMIN, new Defaults("管理员", Level.COMPANY, true, new HashSet<>(PermissionCatalog.all())));
        defaults.put(SALES_MANAGER, new Defaults("销售经理", Level.DEPARTMENT_TREE, true, grant(
                Map.of("customer", ALL, "contact", ALL, "activity", ALL, "opportunity", ALL, "quote", ALL,
                        "contract", ALL, "campaign", ALL, "collaboration", List.of("view", "create", "edit", "assign"),
                        "product", List.of("view"), "report", List.of("view", "export")),
                List.of("organization:view"))));
        defaults.put(SALES_REP, new Defaults("销售代表", Level.OWN, true, grant(
                Map.of("customer", WORK, "contact", WORK, "activity", WORK, "opportunity", WORK, "quote", WORK,
                        "contract", WORK, "collaboration", WORK, "product", List.of("view"),
                        "campaign", List.of("view")),
                List.of("organization:view"))));
        defaults.put(SERVICE_SUPERVISOR, new Defaults("客服主管", Level.COMPANY, true, grant(
                Map.of("ticket", ALL, "customer", List.of("view", "edit"), "contact", List.of("view", "edit"),
                        "activity", List.of("view", "create", "edit", "assign"),
                        "collaboration", List.of("view", "create", "edit", "assign"),
                        "report", List.of("view", "export")),
                List.of("organization:view"))));
        defaults.put(SERVICE_SPECIALIST, new Defaults("客服专员", Level.COMPANY, false, grant(
                Map.of("ticket", WORK, "customer", List.of("view"), "contact", List.of("view"), "activity", WORK,
                        "collaboration", WORK),
                List.of("organization:view"))));
        defaults.put(TECH_SUPPORT, new Defaults("技术支持", Level.DEPARTMENT, false, grant(
                Map.of("ticket", List.of("view", "edit"), "customer", List.of("view"), "contact", List.of("view"),
                        "activity", WORK, "collaboration", WORK),
                List.of("organization:view"))));
        return defaults;
    }

    private static Set<String> grant(Map<String, List<String>> byModule, List<String> extra) {
        Set<String> permissions = new HashSet<>(extra);
        byModule.forEach((module, actions) -> actions.forEach(a -> permissions.add(module + ":" + a)));
        return permissions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        defaults().forEach((code, d) -> {
            Role role = roles.findByCode(code).orElse(null);
            if (role == null) {
                role = new Role(code, d.name(), true, clock.instant());
                role.update(d.name(), d.scope(), d.viewSensitive(), d.permissions(), clock.instant());
                roles.save(role);
                LOG.info("Created built-in role {}", code);
            }
            else if (code.equals(ADMIN) && !role.getPermissions().containsAll(d.permissions())) {
                // New modules add permissions; the administrator always holds all of them.
                role.update(role.getName(), Level.COMPANY, true, d.permissions(), clock.instant());
            }
        });
    }
}
