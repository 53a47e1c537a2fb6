package org.openloop.crm.customer;

/** The whole group of a hierarchical relation type, from its root, as seen from one member (B4). */
public record GroupTree(RelationTypeView type, GroupNode root) {
}
