package org.openloop.crm.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.CustomerChangeRequest;
import org.openloop.crm.customer.internal.CustomerChangeRequests;
import org.openloop.crm.customer.internal.CustomerNotices;
import org.openloop.crm.customer.internal.CustomerFields;
import org.openloop.crm.customer.internal.CustomerSearch;
import org.openloop.crm.customer.internal.Customers;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.MaskStyle;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.SensitiveData;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval of changes to key customer fields (A7). An administrator chooses the key fields; when someone who cannot
 * approve changes one, the change waits as a request; a manager over the customer ({@code customer:assign} and the
 * customer in their data scope) approves it — only then the value changes — or rejects it. Every step is audited.
 */
@Service
public class CustomerChanges {

    private static final String MODULE = CustomerManagement.MODULE;
    private static final Set<String> SENSITIVE = Set.of("phone", "email");

    private final CustomerManagement management;
    private final Customers customers;
    private final CustomerChangeRequests requests;
    private final CustomerSearch search;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final AuditTrail audit;
    private final Clock clock;
    private final CustomerNotices notices;

    CustomerChanges(CustomerManagement management, Customers customers, CustomerChangeRequests requests,
            CustomerSearch search, AccessControl access, OrganizationManagement organization, AuditTrail audit,
            Clock clock, CustomerNotices notices) {
        this.management = management;
        this.customers = customers;
        this.requests = requests;
        this.search = search;
        this.access = access;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.notices = notices;
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<String> keyFields() {
        return CustomerFields.NAMES.stream().filter(requests.keyFields()::contains).toList();
    }

    /** Chooses the key fields (administrators). */
    @Transactional
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    public List<String> chooseKeyFields(Collection<String> fields) {
        List<String> chosen = fields == null ? List.of() : fields.stream().distinct().toList();
        for (String field : chosen) {
            if (!CustomerFields.NAMES.contains(field)) {
                throw BusinessRuleException.onField("fields", "customer.change.unknownField", field);
            }
        }
        List<String> before = keyFields();
        requests.clearKeyFields();
        chosen.forEach(requests::addKeyField);
        audit.record(AuditAction.PERMISSION_CHANGE, "customerKeyFields", "customer", "fields",
                String.join(",", before), String.join(",", chosen), null);
        return keyFields();
    }

    /** The change requests of a customer the caller may see, newest first. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<ChangeRequestView> requestsOf(UUID customerId) {
        Customer customer = management.visible(customerId);
        return views(requests.findByCustomerIdOrderByRequestedAtDesc(customerId,
                PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "requestedAt"))), Map.of(customerId, customer));
    }

    /** Pending requests on customers the caller may approve (manager's queue). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "assign")
    public List<ChangeRequestView> pendingForMe() {
        Specification<CustomerChangeRequest> pending = (root, query, cb) -> cb.equal(root.get("status"),
                CustomerChangeRequest.PENDING);
        List<CustomerChangeRequest> all = requests.findAll(pending, Sort.by("requestedAt"));
        var scope = access.currentScope();
        Map<UUID, Customer> byId = customers.findAllById(all.stream().map(CustomerChangeRequest::getCustomerId)
                .collect(Collectors.toSet())).stream().filter(scope::allows)
                .collect(Collectors.toMap(Customer::getId, c -> c));
        return views(all.stream().filter(r -> byId.containsKey(r.getCustomerId())).limit(200).toList(), byId);
    }

    /** Approves (the value changes now) or rejects a pending request. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "assign")
    public ChangeRequestView decide(UUID requestId, boolean approve, String note) {
        CustomerChangeRequest request = requests.findById(requestId)
                .orElseThrow(() -> new RecordNotFoundException("customerChangeRequest", requestId));
        Customer customer = management.editable(request.getCustomerId());
        if (!request.isPending()) {
            throw BusinessRuleException.conflict(null, "customer.change.decided");
        }
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > 500) {
            throw BusinessRuleException.onField("note", "customer.change.note.size");
        }
        if (approve) {
            management.changeDetails(customer,
                    CustomerFields.with(customer.details(), request.getField(), request.getNewValue()), clock.instant());
        }
        request.decide(approve, CustomerManagement.currentUser(), trimmed, clock.instant());
        // values of sensitive fields stay out of this entry; the field's own audit entry carries them masked
        boolean sensitiveField = SENSITIVE.contains(request.getField());
        audit.record(AuditAction.UPDATE, "customer", customer.getId(), "changeRequest." + request.getField(),
                sensitiveField ? null : request.getOldValue(), sensitiveField ? null : request.getNewValue(),
                approve ? "APPROVED" : "REJECTED");
        notices.changeDecided(customer, request, approve);
        customers.flush();
        search.indexWithContacts(customer);
        return views(List.of(request), Map.of(customer.getId(), customer)).get(0);
    }

    private List<ChangeRequestView> views(List<CustomerChangeRequest> list, Map<UUID, Customer> customersById) {
        Map<UUID, String> names = organization.names(list.stream()
                .flatMap(r -> Stream.of(r.getRequestedBy(), r.getDecidedBy())).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        boolean sensitive = SensitiveData.canView();
        return list.stream().map(r -> {
            Customer c = customersById.get(r.getCustomerId());
            MaskStyle style = r.getField().equals("phone") ? MaskStyle.PHONE : MaskStyle.EMAIL;
            boolean mask = SENSITIVE.contains(r.getField()) && !sensitive;
            return new ChangeRequestView(r.getId(), r.getCustomerId(), c == null ? null : c.getNumber(),
                    c == null ? null : c.getName(), r.getField(), mask ? style.mask(r.getOldValue()) : r.getOldValue(),
                    mask ? style.mask(r.getNewValue()) : r.getNewValue(), r.getRequestedBy(),
                    names.get(r.getRequestedBy()), r.getRequestedAt(), r.getStatus(), names.get(r.getDecidedBy()),
                    r.getDecidedAt(), r.getDecisionNote(), r.getVersion());
        }).toList();
    }
}
