package org.openloop.crm.customer.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.search.SearchHit;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The options of a customer select, for the type-ahead every form that picks a customer uses
 * ({@code fragments/form :: customerSearch}): a select lists only the first {@value #FIRST_BY_NAME} customers by name,
 * so a rep with more would otherwise never reach the rest. Typing asks this for the current customers in the reader's
 * data scope whose name, number, phone or e-mail contain the text, through the global search index (K2), so it stays
 * fast at a million customers; the current choice stays first and selected.
 */
@Controller
class CustomerChoices {

    /** What a select of customers lists before anything is typed. */
    static final int FIRST_BY_NAME = 100;

    private static final int MATCHES = 20;

    private final CustomerManagement customers;
    private final SearchIndex search;

    CustomerChoices(CustomerManagement customers, SearchIndex search) {
        this.customers = customers;
        this.search = search;
    }

    /** One option of a customer select. */
    record Choice(UUID id, String label) {
    }

    /**
     * {@code customerId} is the select's current value (the select is named so); {@code blank} the empty option's
     * wording: {@code choose}, {@code none}, or anything else for no empty option.
     */
    @GetMapping("/customers/choices")
    String choices(@RequestParam(required = false) String customerQuery,
            @RequestParam(required = false) String customerId, @RequestParam(required = false) String blank,
            Model model) {
        Permissions.require("customer", "view");
        List<Choice> choices = new ArrayList<>();
        UUID selected = selected(customerId);
        if (selected != null) {
            choices.add(new Choice(selected, null));
        }
        if (customerQuery == null || customerQuery.isBlank()) {
            customers.customers(ListRequest.from(Map.of("size", String.valueOf(FIRST_BY_NAME), "sort", "name")))
                    .items().forEach(c -> choices.add(new Choice(c.id(), label(c.number(), c.name()))));
        }
        else {
            for (SearchHit hit : search.search(customerQuery, Set.of("customer"), MATCHES)) {
                if (!hit.archived()) {
                    choices.add(new Choice(hit.recordId(), label(hit.subtitle(), hit.title())));
                }
            }
        }
        List<Choice> unique = new ArrayList<>();
        for (Choice choice : choices) {
            if (unique.stream().noneMatch(c -> c.id().equals(choice.id()))) {
                unique.add(choice);
            }
        }
        if (selected != null) {
            unique.set(0, new Choice(selected, labelOf(selected)));
        }
        model.addAttribute("choices", unique.stream().filter(c -> c.label() != null).toList());
        model.addAttribute("selected", selected);
        model.addAttribute("blank", "choose".equals(blank) || "none".equals(blank) ? blank : null);
        return "customer/choices :: options";
    }

    private static UUID selected(String customerId) {
        try {
            return customerId == null || customerId.isBlank() ? null : UUID.fromString(customerId.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The current choice's label, or {@code null} when the reader may not see it (it is then left out). */
    private String labelOf(UUID id) {
        try {
            CustomerView customer = customers.customer(id);
            return label(customer.number(), customer.name());
        }
        catch (RecordNotFoundException e) {
            return null;
        }
    }

    private static String label(String number, String name) {
        return number == null ? name : number + " " + name;
    }
}
