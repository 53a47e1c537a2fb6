package org.openloop.crm.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.organization.PermissionCatalog;
import org.openloop.crm.organization.RoleDraft;
import org.openloop.crm.organization.RoleSummary;
import org.openloop.crm.shared.DataScope;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.web.bind.WebDataBinder;

@DisplayName("A2 the permission matrix shows a role's grants and binds the checked cells back")
class RoleFormBindingTest {

    @Test
    @DisplayName("one row per catalogue module, one cell per action, checked where the role holds the permission")
    void matrixShowsGrants() {
        PermissionMatrix matrix = PermissionMatrix.of(Set.of("customer:view", "customer:edit"));
        assertThat(matrix.actions()).containsExactly("view", "create", "edit", "delete", "export", "assign");
        assertThat(matrix.rows()).extracting(PermissionMatrix.Row::module)
                .containsExactlyElementsOf(PermissionCatalog.MODULES);
        PermissionMatrix.Row customer = matrix.rows().stream().filter(r -> r.module().equals("customer"))
                .findFirst().orElseThrow();
        assertThat(customer.cells()).extracting(PermissionMatrix.Cell::permission).containsExactly("customer:view",
                "customer:create", "customer:edit", "customer:delete", "customer:export", "customer:assign");
        assertThat(customer.cells()).extracting(PermissionMatrix.Cell::granted).containsExactly(true, false, true,
                false, false, false);
        assertThat(matrix.rows()).flatExtracting(PermissionMatrix.Row::cells)
                .extracting(PermissionMatrix.Cell::permission)
                .containsExactlyInAnyOrderElementsOf(PermissionCatalog.all());
    }

    @Test
    @DisplayName("checked cells arrive as repeated permissions parameters and become the draft's permissions")
    void bindsCheckedCells() {
        RoleForm form = bind(new MutablePropertyValues()
                .add("code", "AUDITOR").add("name", "Auditor").add("dataScope", "DEPARTMENT_TREE")
                .add("viewSensitive", "true")
                .add("permissions", new String[] { "audit:view", "audit:export" })
                .add("_permissions", "on").add("_viewSensitive", "on"));
        RoleDraft draft = form.toDraft();
        assertThat(draft.permissions()).containsExactlyInAnyOrder("audit:view", "audit:export");
        assertThat(draft.dataScope()).isEqualTo(DataScope.Level.DEPARTMENT_TREE);
        assertThat(draft.viewSensitive()).isTrue();
        assertThat(draft.code()).isEqualTo("AUDITOR");
    }

    @Test
    @DisplayName("unchecking every cell and the sensitive box removes all grants (checkbox markers)")
    void uncheckingAllClears() {
        RoleSummary existing = new RoleSummary(UUID.randomUUID(), "AUDITOR", "Auditor", false,
                DataScope.Level.COMPANY, true, Set.of("audit:view"), 0, 3);
        RoleForm form = RoleForm.of(existing);
        WebDataBinder binder = new WebDataBinder(form, "form");
        binder.bind(new MutablePropertyValues().add("name", "Auditor").add("dataScope", "COMPANY")
                .add("_permissions", "on").add("_viewSensitive", "on").add("version", "3"));
        RoleDraft draft = form.toDraft();
        assertThat(draft.permissions()).isEmpty();
        assertThat(draft.viewSensitive()).isFalse();
        assertThat(draft.version()).isEqualTo(3L);
    }

    @Test
    @DisplayName("an existing role fills the form, and its permissions show in the matrix")
    void roundTrip() {
        RoleSummary existing = new RoleSummary(UUID.randomUUID(), "SALES_REP", "Sales rep", true,
                DataScope.Level.OWN, false, Set.of("customer:view", "contact:view"), 4, 1);
        RoleForm form = RoleForm.of(existing);
        assertThat(form.toDraft().permissions()).containsExactlyInAnyOrder("customer:view", "contact:view");
        assertThat(PermissionMatrix.of(form.getPermissions()).rows()).flatExtracting(PermissionMatrix.Row::cells)
                .filteredOn(PermissionMatrix.Cell::granted).extracting(PermissionMatrix.Cell::permission)
                .containsExactlyInAnyOrder("customer:view", "contact:view");
    }

    private static RoleForm bind(MutablePropertyValues values) {
        RoleForm form = new RoleForm();
        WebDataBinder binder = new WebDataBinder(form, "form");
        binder.bind(values);
        assertThat(binder.getBindingResult().hasErrors()).isFalse();
        return form;
    }
}
