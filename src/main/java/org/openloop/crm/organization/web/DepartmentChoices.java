package org.openloop.crm.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.organization.DepartmentSummary;

/**
 * The department tree as pages show it: indented select options and table indentation classes. Works on the
 * depth-first list of {@code OrganizationManagement.departmentTree()}, where a department's descendants are the
 * entries right after it with a greater depth.
 */
final class DepartmentChoices {

    /** Deepest indentation the stylesheet has a class for ({@code tree-indent-1} … {@code tree-indent-4}). */
    static final int MAX_INDENT = 4;

    private static final String INDENT = "\u00A0\u00A0\u00A0";

    private DepartmentChoices() {
    }

    /** Select options, each name indented by its depth (non-breaking spaces, since browsers collapse spaces). */
    static List<Option> options(List<DepartmentSummary> tree) {
        return tree.stream()
                .map(d -> new Option(d.id().toString(), INDENT.repeat(Math.max(0, d.depth()))
                        + (d.depth() > 0 ? "└ " : "") + d.name()))
                .toList();
    }

    /** The tree without {@code root} and everything below it: the departments that may become its parent. */
    static List<DepartmentSummary> withoutSubtree(List<DepartmentSummary> tree, UUID root) {
        List<DepartmentSummary> result = new ArrayList<>();
        Integer skippingBelow = null;
        for (DepartmentSummary d : tree) {
            if (skippingBelow != null) {
                if (d.depth() > skippingBelow) {
                    continue;
                }
                skippingBelow = null;
            }
            if (d.id().equals(root)) {
                skippingBelow = d.depth();
                continue;
            }
            result.add(d);
        }
        return result;
    }

    /** The CSS class that indents a table cell for {@code depth}; empty at the top level. */
    static String indentClass(int depth) {
        return depth <= 0 ? "" : "tree-indent-" + Math.min(depth, MAX_INDENT);
    }
}
