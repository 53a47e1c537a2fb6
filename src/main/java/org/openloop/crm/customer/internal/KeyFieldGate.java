package org.openloop.crm.customer.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
import org.springframework.stereotype.Component;

/**
 * Holds back changes to key fields (A7): a user who cannot approve (no {@code customer:assign}) changing a key field
 * creates a change request instead, and the field keeps its value until a manager approves.
 */
@Component
public class KeyFieldGate {

    private final CustomerChangeRequests requests;
    private final Clock clock;

    KeyFieldGate(CustomerChangeRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    public Set<String> keyFields() {
        return new HashSet<>(requests.keyFields());
    }

    /** The details to store now; requests are created for held-back key fields. */
    public Customer.Details filter(Customer customer, Customer.Details wanted, UUID requestedBy) {
        Set<String> keys = keyFields();
        if (keys.isEmpty() || Permissions.has("customer", "assign")) {
            return wanted;
        }
        Customer.Details current = customer.details();
        Customer.Details stored = wanted;
        for (String field : CustomerFields.NAMES) {
            if (!keys.contains(field)) {
                continue;
            }
            String before = CustomerFields.get(current, field);
            String after = CustomerFields.get(wanted, field);
            if (Objects.equals(before, after)) {
                continue;
            }
            if (requests.existsByCustomerIdAndFieldAndStatus(customer.getId(), field, CustomerChangeRequest.PENDING)) {
                throw BusinessRuleException.conflict(field, "customer.change.pending");
            }
            requests.save(new CustomerChangeRequest(customer.getId(), field, before, after, requestedBy,
                    clock.instant()));
            stored = CustomerFields.with(stored, field, before);
        }
        return stored;
    }
}
