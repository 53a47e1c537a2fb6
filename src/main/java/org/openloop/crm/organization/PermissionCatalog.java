package org.openloop.crm.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openloop.crm.shared.Authorities.Action;

/**
 * The modules a permission can name (A2). A new module adds its name here so administrators can grant it; the
 * built-in roles' defaults are in {@code BuiltInRoles}.
 */
public final class PermissionCatalog {

    public static final List<String> MODULES = List.of("organization", "audit", "customer", "contact", "activity",
            "collaboration", "opportunity", "product", "quote", "contract", "ticket", "campaign", "report");

    private PermissionCatalog() {
    }

    public static List<String> all() {
        List<String> all = new ArrayList<>();
        for (String module : MODULES) {
            for (Action action : Action.values()) {
                all.add(module + ":" + action.code());
            }
        }
        return all;
    }

    public static boolean isKnown(String permission) {
        return Set.copyOf(all()).contains(permission);
    }
}
