package org.openloop.crm.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.openloop.crm.customer.internal.Contact;
import org.openloop.crm.customer.internal.Contacts;
import org.openloop.crm.customer.internal.Customer;
import org.openloop.crm.customer.internal.CustomerSearch;
import org.openloop.crm.customer.internal.Customers;
import org.openloop.crm.platform.SequenceNumbers;
import org.openloop.crm.shared.InvalidInputException;
import org.openloop.crm.shared.InvalidInputException.FieldProblem;
import org.openloop.crm.shared.PhoneNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads from outside the company (J2). This facade is system-level: it is called for anonymous visitors of a public
 * form, so it carries no permission check and takes no owner, department, type or level from its input. A new lead
 * becomes a target customer (意向) in the pool with one contact. A company whose normalised name
 * ({@link CompanyNames#key}) matches an existing customer is not created twice: the lead is linked to that customer
 * and the person added as its contact, unless a contact with the same mobile or e-mail is already there.
 */
@Service
public class CustomerLeads {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{1,63}");

    private final Customers customers;
    private final Contacts contacts;
    private final SequenceNumbers numbers;
    private final CustomerSearch search;
    private final Clock clock;
    private final String numberPattern;

    CustomerLeads(Customers customers, Contacts contacts, SequenceNumbers numbers, CustomerSearch search, Clock clock,
            @Value("${crm.customer.number-pattern:KH{date:yyyyMMdd}{seq:4}}") String numberPattern) {
        this.customers = customers;
        this.contacts = contacts;
        this.numbers = numbers;
        this.search = search;
        this.clock = clock;
        this.numberPattern = numberPattern;
    }

    /** Checks a lead as the form does; {@link InvalidInputException} (400) names every refused field. */
    public static void validate(LeadCapture lead) {
        List<FieldProblem> problems = new ArrayList<>();
        if (lead.companyName() == null) {
            problems.add(FieldProblem.of("companyName", "customer.lead.required"));
        }
        else if (lead.companyName().length() > 200) {
            problems.add(FieldProblem.of("companyName", "customer.lead.tooLong", 200));
        }
        if (lead.contactName() == null) {
            problems.add(FieldProblem.of("contactName", "customer.lead.required"));
        }
        else if (lead.contactName().length() > 100) {
            problems.add(FieldProblem.of("contactName", "customer.lead.tooLong", 100));
        }
        if (lead.mobile() != null && (lead.mobile().length() > 40 || !PhoneNumbers.isValid(lead.mobile()))) {
            problems.add(FieldProblem.of("mobile", "validation.phone"));
        }
        if (lead.email() != null && (lead.email().length() > 200 || !EMAIL.matcher(lead.email()).matches())) {
            problems.add(FieldProblem.of("email", "customer.lead.email"));
        }
        if (lead.mobile() == null && lead.email() == null) {
            problems.add(FieldProblem.of("mobile", "customer.lead.reachable"));
        }
        if (lead.message() != null && lead.message().length() > 2000) {
            problems.add(FieldProblem.of("message", "customer.lead.tooLong", 2000));
        }
        if (lead.source() != CustomerSource.WEB_FORM && lead.source() != CustomerSource.CAMPAIGN) {
            problems.add(FieldProblem.of("source", "customer.lead.source"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Captures a lead: a new pooled target customer with its contact, or the existing customer of that name. */
    @Transactional
    public CapturedLead capture(LeadCapture lead) {
        validate(lead);
        Instant now = clock.instant();
        String mobile = lead.mobile() == null ? null : PhoneNumbers.normalise(lead.mobile());
        String email = lead.email() == null ? null : lead.email().toLowerCase(Locale.ROOT);
        Optional<Customer> existing = customers.findTop10ByNameKeyAndMergedIntoIsNull(CompanyNames.key(lead.companyName()))
                .stream().filter(c -> !c.isArchived()).findFirst();
        if (existing.isPresent()) {
            Customer customer = existing.get();
            Optional<Contact> known = contacts.findByCustomerIdOrderByPrimaryContactDescNameAsc(customer.getId()).stream()
                    .filter(c -> (mobile != null && mobile.equals(c.getMobile()))
                            || (email != null && email.equalsIgnoreCase(c.getEmail())))
                    .findFirst();
            Contact contact = known.orElseGet(() -> newContact(customer, lead.contactName(), mobile, email, false, now));
            search.index(contact, customer);
            return new CapturedLead(customer.getId(), customer.getName(), contact.getId(), contact.getName(), true);
        }
        Customer customer = new Customer(numbers.next("customer", numberPattern), null, null, now);
        customer.update(new Customer.Details(lead.companyName(), null, null, CustomerType.TARGET, CustomerLevel.NORMAL,
                lead.source(), null, null, null, null, null, lead.message()), now);
        customer.returnToPool(null, now);
        customers.save(customer);
        Contact contact = newContact(customer, lead.contactName(), mobile, email, true, now);
        search.indexWithContacts(customer);
        return new CapturedLead(customer.getId(), customer.getName(), contact.getId(), contact.getName(), false);
    }

    private Contact newContact(Customer customer, String name, String mobile, String email, boolean primary,
            Instant now) {
        Contact contact = new Contact(customer, now);
        contact.update(new Contact.Details(name, null, mobile, null, email, null, false, primary), now);
        return contacts.save(contact);
    }
}
