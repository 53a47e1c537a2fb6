package org.openloop.crm.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.internal.Contacts;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.CustomerPoolRule;
import org.openloop.crm.customer.internal.CustomerPoolRules;
import org.openloop.crm.customer.internal.CustomerSearch;
import org.openloop.crm.customer.internal.Customers;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer pool (公海, B5): customers without an owner. Anyone who may view customers sees the pool and may
 * claim (领取) from it within the cap of the customer's level; owners return (退回) customers with a reason; managers
 * assign pooled customers with {@link CustomerManagement#transfer} (A5 check). Overdue customers return on their own
 * ({@code internal.CustomerPoolJob}). Every move is audited with its reason.
 */
@Service
public class CustomerPool {

    private static final String MODULE = CustomerManagement.MODULE;

    private final CustomerManagement management;
    private final Customers customers;
    private final Contacts contacts;
    private final CustomerPoolRules rules;
    private final CustomerSearch search;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerPool(CustomerManagement management, Customers customers, Contacts contacts, CustomerPoolRules rules,
            CustomerSearch search, AccessControl access, AuditTrail audit, Clock clock) {
        this.management = management;
        this.customers = customers;
        this.contacts = contacts;
        this.rules = rules;
        this.search = search;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The pooled customers, with the list's usual filters, sort and search. */
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<CustomerView> pooled(ListRequest request) {
        Map<String, String> filters = new java.util.HashMap<>(request.filters());
        filters.put("pool", "true");
        return management.customers(new ListRequest(request.cursor(), request.size(), request.sort(), request.q(),
                filters));
    }

    /** Takes a pooled customer (领取), within the cap of its level. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CustomerView claim(UUID id) {
        Customer customer = management.visible(id);
        if (!customer.isPooled()) {
            throw BusinessRuleException.conflict(null, "customer.pool.notPooled", customer.getName());
        }
        if (customer.isArchived()) {
            throw new BusinessRuleException("customer.pool.archived", customer.getName());
        }
        UUID me = CustomerManagement.currentUser();
        CustomerPoolRule rule = rules.rule(customer.getLevel());
        if (rule.getMaxPerOwner() != null
                && customers.countByOwnerIdAndLevelAndArchivedFalse(me, customer.getLevel()) >= rule
                        .getMaxPerOwner()) {
            throw new BusinessRuleException("customer.pool.cap", rule.getMaxPerOwner());
        }
        move(customer, me, access.departmentOf(me), "claim");
        return management.customer(id);
    }

    /** Gives a customer back to the pool (退回) with a reason. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public CustomerView giveBack(UUID id, String reason) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty() || trimmed.length() > 500) {
            throw BusinessRuleException.onField("reason", "customer.pool.reason.required");
        }
        Customer customer = management.editable(id);
        if (customer.isPooled()) {
            throw BusinessRuleException.conflict(null, "customer.pool.alreadyPooled", customer.getName());
        }
        returnToPool(customer, trimmed, clock.instant());
        return management.customer(id);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<PoolRule> rules() {
        return rules.byLevel().values().stream().map(CustomerPool::view).toList();
    }

    /** Changes a level's rule; a manager's decision, so it needs the assign permission. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public PoolRule changeRule(CustomerLevel level, PoolRuleDraft draft, boolean versionFromIfMatch) {
        CustomerPoolRule rule = rules.stored(level);
        VersionConflictException.check("customerPoolRule", level, draft.version(), rule.getVersion(),
                versionFromIfMatch);
        if (draft.returnAfterDays() != null && draft.warnBeforeDays() >= draft.returnAfterDays()) {
            throw BusinessRuleException.onField("warnBeforeDays", "customer.pool.warnTooLate");
        }
        rule.change(draft.returnAfterDays(), draft.warnBeforeDays(), draft.maxPerOwner());
        customers.flush();
        return view(rule);
    }

    private void move(Customer customer, UUID owner, UUID department, String how) {
        Instant now = clock.instant();
        customer.transferTo(owner, department, now);
        contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(customer.getId())
                .forEach(c -> c.followOwner(customer, now));
        audit.record(AuditAction.ASSIGN, "customer", customer.getId(), "ownerId", null, String.valueOf(owner), how);
        customers.flush();
        search.indexWithContacts(customer);
    }

    /** Returns one customer to the pool; shared with the automatic return so both leave the same trail. */
    void returnToPool(Customer customer, String reason, Instant now) {
        UUID previous = customer.getOwnerId();
        customer.returnToPool(reason, now);
        contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(customer.getId())
                .forEach(c -> c.followOwner(customer, now));
        audit.record(AuditAction.ASSIGN, "customer", customer.getId(), "ownerId", String.valueOf(previous), null,
                reason);
        customers.flush();
        search.indexWithContacts(customer);
    }

    private static PoolRule view(CustomerPoolRule rule) {
        return new PoolRule(rule.getLevel(), rule.getReturnAfterDays(), rule.getWarnBeforeDays(),
                rule.getMaxPerOwner(), rule.getVersion());
    }
}
