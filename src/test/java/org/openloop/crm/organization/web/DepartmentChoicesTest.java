package org.openloop.crm.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.organization.DepartmentSummary;

@DisplayName("A1 the department tree is shown indented, and a department cannot be moved below itself")
class DepartmentChoicesTest {

    private static DepartmentSummary dept(String name, int depth) {
        return new DepartmentSummary(UUID.nameUUIDFromBytes(name.getBytes()), name, null, null, null, 0, depth, 0, 0);
    }

    // Depth-first, as OrganizationManagement.departmentTree() returns it.
    private final DepartmentSummary company = dept("company", 0);
    private final DepartmentSummary sales = dept("sales", 1);
    private final DepartmentSummary team1 = dept("team1", 2);
    private final DepartmentSummary team1a = dept("team1a", 3);
    private final DepartmentSummary team2 = dept("team2", 2);
    private final DepartmentSummary service = dept("service", 1);
    private final List<DepartmentSummary> tree = List.of(company, sales, team1, team1a, team2, service);

    @Test
    @DisplayName("options keep the tree order and indent names by depth with non-breaking spaces")
    void indentsOptions() {
        List<Option> options = DepartmentChoices.options(tree);
        assertThat(options).extracting(Option::value).containsExactly(company.id().toString(),
                sales.id().toString(), team1.id().toString(), team1a.id().toString(), team2.id().toString(),
                service.id().toString());
        assertThat(options.get(0).label()).isEqualTo("company");
        assertThat(options.get(1).label()).isEqualTo("\u00A0\u00A0\u00A0└ sales");
        assertThat(options.get(3).label()).isEqualTo("\u00A0".repeat(9) + "└ team1a");
    }

    @Test
    @DisplayName("possible parents exclude the department itself and everything below it, nothing else")
    void excludesSubtree() {
        assertThat(DepartmentChoices.withoutSubtree(tree, sales.id())).containsExactly(company, service);
        assertThat(DepartmentChoices.withoutSubtree(tree, team1.id())).containsExactly(company, sales, team2,
                service);
        assertThat(DepartmentChoices.withoutSubtree(tree, service.id())).containsExactly(company, sales, team1,
                team1a, team2);
        assertThat(DepartmentChoices.withoutSubtree(tree, UUID.randomUUID())).isEqualTo(tree);
    }

    @Test
    @DisplayName("table indentation uses tree-indent-1..4 and stays at 4 for deeper levels")
    void indentClasses() {
        assertThat(DepartmentChoices.indentClass(0)).isEmpty();
        assertThat(DepartmentChoices.indentClass(1)).isEqualTo("tree-indent-1");
        assertThat(DepartmentChoices.indentClass(4)).isEqualTo("tree-indent-4");
        assertThat(DepartmentChoices.indentClass(7)).isEqualTo("tree-indent-4");
    }
}
