package org.openloop.crm.customer;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.CustomerRelation;
import org.openloop.crm.customer.internal.CustomerRelationType;
import org.openloop.crm.customer.internal.CustomerRelationTypes;
import org.openloop.crm.customer.internal.CustomerRelations;
import org.openloop.crm.customer.internal.Customers;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relations between customers (B4): parent and subsidiary, master distributor and distributor, and kinds an
 * administrator adds. Hierarchical kinds allow one parent per customer and no cycles; the whole group tree is visible
 * from any member, with members outside the reader's scope shown without name or number (A3).
 */
@Service
public class CustomerRelationships {

    /** Group trees stop here: a group this large is a data problem, not a view. */
    static final int MAX_GROUP = 500;
    private static final String MODULE = CustomerManagement.MODULE;

    private final CustomerManagement management;
    private final Customers customers;
    private final CustomerRelations relations;
    private final CustomerRelationTypes types;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerRelationships(CustomerManagement management, Customers customers, CustomerRelations relations,
            CustomerRelationTypes types, AccessControl access, AuditTrail audit, Clock clock) {
        this.management = management;
        this.customers = customers;
        this.relations = relations;
        this.types = types;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<RelationTypeView> types() {
        return types.findAllByOrderByBuiltInDescCodeAsc().stream().map(CustomerRelationships::view).toList();
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public RelationTypeView createType(RelationTypeDraft draft) {
        if (draft.code() == null || !draft.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw BusinessRuleException.onField("code", "relation.type.code");
        }
        if (types.existsByCode(draft.code())) {
            throw BusinessRuleException.conflict("code", "relation.type.taken", draft.code());
        }
        for (String text : List.of(nonNull(draft.nameZh()), nonNull(draft.nameEn()), nonNull(draft.fromRoleZh()),
                nonNull(draft.fromRoleEn()), nonNull(draft.toRoleZh()), nonNull(draft.toRoleEn()))) {
            if (text.isBlank() || text.length() > 60) {
                throw BusinessRuleException.onField("name", "relation.type.names");
            }
        }
        CustomerRelationType type = types.saveAndFlush(new CustomerRelationType(draft.code(), draft.nameZh().strip(),
                draft.nameEn().strip(), draft.fromRoleZh().strip(), draft.fromRoleEn().strip(),
                draft.toRoleZh().strip(), draft.toRoleEn().strip(), draft.hierarchical()));
        return view(type);
    }

    /** The customer's direct relations. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<RelationView> relationsOf(UUID customerId) {
        management.visible(customerId);
        List<CustomerRelation> list = relations.involving(customerId);
        Map<UUID, RelationTypeView> typeViews = typeViews();
        Map<UUID, Customer> others = customers.findAllById(list.stream()
                .map(r -> r.getFromId().equals(customerId) ? r.getToId() : r.getFromId()).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Customer::getId, c -> c));
        DataScope scope = access.currentScope();
        List<RelationView> views = new ArrayList<>();
        for (CustomerRelation r : list) {
            boolean otherIsParent = r.getToId().equals(customerId);
            Customer other = others.get(otherIsParent ? r.getFromId() : r.getToId());
            boolean visible = other != null && (other.isPooled() || scope.allows(other));
            views.add(new RelationView(r.getId(), typeViews.get(r.getTypeId()), otherIsParent,
                    visible ? other.getId() : null, visible ? other.getNumber() : null,
                    visible ? other.getName() : null, visible));
        }
        return views;
    }

    /** The group trees (one per hierarchical kind) the customer belongs to. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<GroupTree> groupsOf(UUID customerId) {
        management.visible(customerId);
        Map<UUID, RelationTypeView> typeViews = typeViews();
        Set<UUID> kinds = relations.involving(customerId).stream().map(CustomerRelation::getTypeId)
                .filter(id -> typeViews.get(id).hierarchical()).collect(Collectors.toCollection(HashSet::new));
        List<GroupTree> trees = new ArrayList<>();
        for (UUID kind : kinds) {
            UUID root = rootOf(kind, customerId);
            trees.add(new GroupTree(typeViews.get(kind), tree(kind, root, customerId)));
        }
        return trees;
    }

    /**
     * Relates two customers. {@code otherIsParent} puts the other customer on the parent or master side. The caller
     * must be able to edit this customer and see the other one.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public RelationView relate(UUID customerId, UUID typeId, UUID otherId, boolean otherIsParent) {
        Customer customer = management.editable(customerId);
        if (otherId == null) {
            throw BusinessRuleException.onField("otherId", "relation.other.unknown");
        }
        Customer other;
        try {
            other = management.visible(otherId);
        }
        catch (RecordNotFoundException e) {
            throw BusinessRuleException.onField("otherId", "relation.other.unknown");
        }
        CustomerRelationType type = typeId == null ? null : types.findById(typeId).orElse(null);
        if (type == null) {
            throw BusinessRuleException.onField("typeId", "relation.type.unknown");
        }
        if (customer.getId().equals(other.getId())) {
            throw BusinessRuleException.onField("otherId", "relation.self");
        }
        UUID parent = otherIsParent ? other.getId() : customer.getId();
        UUID child = otherIsParent ? customer.getId() : other.getId();
        if (relations.existsByTypeIdAndFromIdAndToId(type.getId(), parent, child)
                || relations.existsByTypeIdAndFromIdAndToId(type.getId(), child, parent)) {
            throw BusinessRuleException.conflict("otherId", "relation.exists");
        }
        if (type.isHierarchical()) {
            if (relations.findFirstByTypeIdAndToId(type.getId(), child).isPresent()) {
                throw BusinessRuleException.onField("otherId", "relation.oneParent");
            }
            if (ancestors(type.getId(), parent).contains(child)) {
                throw BusinessRuleException.onField("otherId", "relation.cycle");
            }
        }
        CustomerRelation relation = relations.saveAndFlush(new CustomerRelation(type.getId(), parent, child,
                CustomerManagement.currentUser(), clock.instant()));
        String label = type.getCode();
        Customer parentCustomer = otherIsParent ? other : customer;
        Customer childCustomer = otherIsParent ? customer : other;
        audit.record(AuditAction.UPDATE, "customer", parent, "relation", null,
                label + " → " + childCustomer.getNumber(), null);
        audit.record(AuditAction.UPDATE, "customer", child, "relation", null,
                label + " ← " + parentCustomer.getNumber(), null);
        return relationsOf(customerId).stream().filter(r -> r.id().equals(relation.getId())).findFirst()
                .orElseThrow();
    }

    /** {@link #relate} with the other customer given by its number (KH…), as typed in the page. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public RelationView relateByNumber(UUID customerId, UUID typeId, String otherNumber, boolean otherIsParent) {
        UUID otherId = otherNumber == null ? null
                : customers.findByNumber(otherNumber.strip().toUpperCase(java.util.Locale.ROOT))
                        .map(Customer::getId).orElse(null);
        return relate(customerId, typeId, otherId, otherIsParent);
    }

    /** Removes a relation; the caller must be able to edit one of the two customers. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public void unrelate(UUID relationId) {
        CustomerRelation relation = relations.findById(relationId)
                .orElseThrow(() -> new RecordNotFoundException("customerRelation", relationId));
        Customer editable = editableOf(relation.getFromId(), relation.getToId());
        if (editable == null) {
            throw new RecordNotFoundException("customerRelation", relationId);
        }
        relations.delete(relation);
        audit.record(AuditAction.UPDATE, "customer", relation.getFromId(), "relation",
                "→ " + numberOf(relation.getToId()), null, null);
        audit.record(AuditAction.UPDATE, "customer", relation.getToId(), "relation",
                "← " + numberOf(relation.getFromId()), null, null);
    }

    /** Moves the merged customer's relations to the survivor, dropping those that would duplicate or loop (B6). */
    void moveOnMerge(UUID mergedId, UUID survivorId) {
        for (CustomerRelation relation : relations.involving(mergedId)) {
            UUID other = relation.getFromId().equals(mergedId) ? relation.getToId() : relation.getFromId();
            UUID from = relation.getFromId().equals(mergedId) ? survivorId : relation.getFromId();
            UUID to = relation.getToId().equals(mergedId) ? survivorId : relation.getToId();
            if (other.equals(survivorId) || relations.existsByTypeIdAndFromIdAndToId(relation.getTypeId(), from, to)) {
                relations.delete(relation);
            }
            else {
                relation.replace(mergedId, survivorId);
            }
        }
        relations.flush();
    }

    private Customer editableOf(UUID first, UUID second) {
        for (UUID id : List.of(first, second)) {
            try {
                return management.editable(id);
            }
            catch (RecordNotFoundException e) {
                // try the other side
            }
        }
        return null;
    }

    private String numberOf(UUID id) {
        return customers.findById(id).map(Customer::getNumber).orElse(String.valueOf(id));
    }

    private Set<UUID> ancestors(UUID typeId, UUID start) {
        Set<UUID> seen = new HashSet<>();
        UUID current = start;
        while (current != null && seen.size() < MAX_GROUP && seen.add(current)) {
            current = relations.findFirstByTypeIdAndToId(typeId, current).map(CustomerRelation::getFromId)
                    .orElse(null);
        }
        return seen;
    }

    private UUID rootOf(UUID typeId, UUID start) {
        UUID root = start;
        Set<UUID> seen = new HashSet<>();
        while (seen.add(root) && seen.size() < MAX_GROUP) {
            UUID parent = relations.findFirstByTypeIdAndToId(typeId, root).map(CustomerRelation::getFromId)
                    .orElse(null);
            if (parent == null) {
                break;
            }
            root = parent;
        }
        return root;
    }

    /** The tree below {@code root}, one query per level. */
    private GroupNode tree(UUID typeId, UUID root, UUID current) {
        Map<UUID, List<UUID>> children = new LinkedHashMap<>();
        Set<UUID> members = new HashSet<>(List.of(root));
        Deque<UUID> level = new ArrayDeque<>(List.of(root));
        while (!level.isEmpty() && members.size() < MAX_GROUP) {
            List<CustomerRelation> below = relations.findByTypeIdAndFromIdIn(typeId, new ArrayList<>(level));
            level.clear();
            for (CustomerRelation r : below) {
                if (members.add(r.getToId())) {
                    children.computeIfAbsent(r.getFromId(), k -> new ArrayList<>()).add(r.getToId());
                    level.add(r.getToId());
                }
            }
        }
        Map<UUID, Customer> byId = new HashMap<>();
        customers.findAllById(members).forEach(c -> byId.put(c.getId(), c));
        return node(root, children, byId, access.currentScope(), current);
    }

    private GroupNode node(UUID id, Map<UUID, List<UUID>> children, Map<UUID, Customer> byId, DataScope scope,
            UUID current) {
        Customer customer = byId.get(id);
        boolean visible = customer != null && (customer.isPooled() || scope.allows(customer));
        List<GroupNode> below = children.getOrDefault(id, List.of()).stream()
                .map(child -> node(child, children, byId, scope, current)).toList();
        return new GroupNode(visible ? id : null, visible ? customer.getNumber() : null,
                visible ? customer.getName() : null, visible, id.equals(current), below);
    }

    private Map<UUID, RelationTypeView> typeViews() {
        return types.findAll().stream().collect(Collectors.toMap(CustomerRelationType::getId,
                CustomerRelationships::view));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static RelationTypeView view(CustomerRelationType t) {
        return new RelationTypeView(t.getId(), t.getCode(), t.getNameZh(), t.getNameEn(), t.getFromRoleZh(),
                t.getFromRoleEn(), t.getToRoleZh(), t.getToRoleEn(), t.isHierarchical(), t.isBuiltIn());
    }
}
