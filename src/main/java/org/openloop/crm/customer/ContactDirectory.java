package org.openloop.crm.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.customer.internal.Contact;
import org.openloop.crm.customer.internal.Contacts;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.Customers;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.PhoneNumbers;
import org.openloop.crm.shared.RequiresPermission;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds contacts by their e-mail address or phone number for modules that log communication (C3, C4), and hands a
 * contact's unmasked address to the module that sends mail to it. The {@link ContactAddress} it returns is for
 * delivery and matching only, never for display: pages show contacts through the masked {@link ContactView}.
 * The {@code match*} methods are system lookups (jobs and integrations log what happened whoever may see it); the
 * caller decides who may see the logged record.
 */
@Service
public class ContactDirectory {

    private static final int MAX_MATCHES = 10;

    private final Contacts contacts;
    private final Customers customers;
    private final AccessControl access;

    ContactDirectory(Contacts contacts, Customers customers, AccessControl access) {
        this.contacts = contacts;
        this.customers = customers;
        this.access = access;
    }

    /** A contact with its customer, its unmasked addresses and the customer's owner and department. */
    public record ContactAddress(UUID contactId, String contactName, String title, String email, String mobile,
            String officePhone, UUID customerId, String customerName, UUID customerOwnerId,
            UUID customerDepartmentId) {
    }

    /** The contact if the current user may see it (404 otherwise), with its address for sending. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = CustomerManagement.CONTACT_MODULE, action = "view")
    public ContactAddress visible(UUID contactId) {
        return addresses(List.of(contacts.getVisible(contactId, access.currentScope(), "contact"))).get(0);
    }

    /** Contacts whose e-mail address equals {@code email}, ignoring case and surrounding spaces; oldest first. */
    @Transactional(readOnly = true)
    public List<ContactAddress> matchEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        Specification<Contact> byEmail = (root, query, cb) -> cb.equal(cb.lower(cb.trim(root.get("email"))), wanted);
        return addresses(first(byEmail));
    }

    /**
     * Contacts whose mobile or office phone is {@code phone} in any of its usual spellings: as typed, national
     * ({@code 13812345678}, {@code 01012345678}) or with the country code ({@code +8613812345678},
     * {@code 008613812345678}, {@code +86 10 1234 5678}). Oldest first.
     */
    @Transactional(readOnly = true)
    public List<ContactAddress> matchPhone(String phone) {
        Set<String> spellings = spellings(phone);
        if (spellings.isEmpty()) {
            return List.of();
        }
        Specification<Contact> byPhone = (root, query, cb) -> cb.or(root.get("mobile").in(spellings),
                root.get("officePhone").in(spellings));
        return addresses(first(byPhone));
    }

    /** The spellings a stored number may have for the same line. */
    static Set<String> spellings(String phone) {
        String normalised = PhoneNumbers.normalise(phone);
        Set<String> spellings = new LinkedHashSet<>();
        if (normalised == null || normalised.length() < 5) {
            return spellings;
        }
        spellings.add(normalised);
        String national;
        if (normalised.startsWith("+86")) {
            national = normalised.substring(3);
        }
        else if (normalised.startsWith("0086")) {
            national = normalised.substring(4);
        }
        else if (normalised.startsWith("86") && normalised.length() == 13) {
            national = normalised.substring(2);
        }
        else if (normalised.startsWith("+")) {
            return spellings;
        }
        else {
            national = normalised;
        }
        if (national.matches("1[3-9]\\d{9}")) {
            spellings.add(national);
            spellings.add("86" + national);
            spellings.add("+86" + national);
        }
        else {
            // a landline: with the trunk 0 at home, without it after the country code
            String subscriber = national.startsWith("0") ? national.substring(1) : national;
            spellings.add("0" + subscriber);
            spellings.add("+86" + subscriber);
        }
        return spellings;
    }

    private List<Contact> first(Specification<Contact> specification) {
        return contacts.findAll(specification, Sort.by("createdAt", "id")).stream().limit(MAX_MATCHES).toList();
    }

    private List<ContactAddress> addresses(List<Contact> list) {
        Map<UUID, Customer> byId = new HashMap<>();
        customers.findAllById(list.stream().map(Contact::getCustomerId).toList()).forEach(c -> byId.put(c.getId(), c));
        List<ContactAddress> result = new ArrayList<>();
        for (Contact c : list) {
            Customer customer = byId.get(c.getCustomerId());
            if (customer == null) {
                continue;
            }
            result.add(new ContactAddress(c.getId(), c.getName(), c.getTitle(), c.getEmail(), c.getMobile(),
                    c.getOfficePhone(), customer.getId(), customer.getName(), customer.getOwnerId(),
                    customer.getDepartmentId()));
        }
        return result;
    }
}
