package org.openloop.crm.organization.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.openloop.crm.organization.PermissionCatalog;
import org.openloop.crm.shared.Authorities;

/**
 * The role form's permission grid (A2): one row per module of {@link PermissionCatalog}, one column per action.
 * Each cell is a checkbox named {@code permissions} whose value is the permission ({@code customer:view}), so the
 * checked cells bind straight into {@link RoleForm#getPermissions()}.
 */
record PermissionMatrix(List<String> actions, List<Row> rows) {

    record Cell(String action, String permission, boolean granted) {
    }

    record Row(String module, List<Cell> cells) {

        boolean allGranted() {
            return cells.stream().allMatch(Cell::granted);
        }
    }

    static PermissionMatrix of(Collection<String> granted) {
        Set<String> held = granted == null ? Set.of() : Set.copyOf(granted);
        List<String> actions = Arrays.stream(Authorities.Action.values()).map(Authorities.Action::code).toList();
        List<Row> rows = PermissionCatalog.MODULES.stream()
                .map(module -> new Row(module, actions.stream()
                        .map(action -> new Cell(action, module + ":" + action, held.contains(module + ":" + action)))
                        .toList()))
                .toList();
        return new PermissionMatrix(actions, rows);
    }
}
