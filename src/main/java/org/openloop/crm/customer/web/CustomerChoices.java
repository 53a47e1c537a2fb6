package org.openloop.crm.customer.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openloop.crm.customer.ContactView;
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
 * The options of a customer or contact select, for the type-ahead every form that picks one uses
 * ({@code fragments/form :: recordSearch}): a select lists only the first {@value #FIRST_BY_NAME} by name, so a rep
 * with more would otherwise never reach the rest. Typing asks this for the current records in the reader's data
 * scope whose name, number, phone or e-mail contain the text, through the global search index (K2), so it stays fast
 * at a million customers; the current choice stays first and selected.
 */
@Controller
class CustomerChoices {

    /** What a select lists before anything is typed. */
    static final int FIRST_BY_NAME = 100;

    private static final int MATCHES = 20;

    private final CustomerManagement customers;
    private final SearchIndex search;

    CustomerChoices(CustomerManagement customers, SearchIndex search) {
        this.customers = customers;
        this.search = search;
    }

    /** One option of a select. */
    record Choice(UUID id, String label) {
    }

    /**
     * {@code customerId} is the select's current value (the select is named so); {@code blank} the empty option's
     * wording: {@code choose}, {@code none}, or anything else for no empty option.
     */
    @GetMapping("/customers/choices")
    String customers(@RequestParam(required = false) String pickerQuery,
            @RequestParam(required = false) String customerId, @RequestParam(required = false) String blank,
            Model model) {
        Permissions.require("customer", "view");
        return choices("customer", pickerQuery, customerId, blank, model,
                () -> customers.customers(byName()).items().stream()
                        .map(c -> new Choice(c.id(), label(c.number(), c.name()))).toList(),
                id -> {
                    CustomerView customer = customers.customer(id);
                    return label(customer.number(), customer.name());
                });
    }

    /** As {@link #customers}, for a contact select named {@code contactId}; options read "name · customer". */
    @GetMapping("/contacts/choices")
    String contacts(@RequestParam(required = false) String pickerQuery,
            @RequestParam(required = false) String contactId, @RequestParam(required = false) String blank,
            Model model) {
        Permissions.require("customer", "view");
        return choices("contact", pickerQuery, contactId, blank, model,
                () -> customers.contacts(byName()).items().stream()
                        .map(c -> new Choice(c.id(), label(c))).toList(),
                id -> label(customers.contact(id)));
    }

    private String choices(String recordType, String query, String current, String blank, Model model,
            Supplier<List<Choice>> firstByName, Function<UUID, String> labelOf) {
        List<Choice> choices = new ArrayList<>();
        UUID selected = uuid(current);
        if (selected != null) {
            String label = visibleLabel(selected, labelOf);
            if (label != null) {
                choices.add(new Choice(selected, label));
            }
            else {
                selected = null;
            }
        }
        List<Choice> found = new ArrayList<>();
        if (query == null || query.isBlank()) {
            found.addAll(firstByName.get());
        }
        else {
            for (SearchHit hit : search.search(query, Set.of(recordType), MATCHES)) {
                if (!hit.archived()) {
                    found.add(new Choice(hit.recordId(), "customer".equals(recordType)
                            ? label(hit.subtitle(), hit.title()) : hit.title() + " · " + hit.subtitle()));
                }
            }
        }
        UUID kept = selected;
        found.stream().filter(c -> !c.id().equals(kept)).forEach(choices::add);
        model.addAttribute("choices", choices);
        model.addAttribute("selected", selected);
        model.addAttribute("blank", "choose".equals(blank) || "none".equals(blank) ? blank : null);
        return "customer/choices :: options";
    }

    private static ListRequest byName() {
        return ListRequest.from(Map.of("size", String.valueOf(FIRST_BY_NAME), "sort", "name"));
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The current choice's label, or {@code null} when the reader may not see it (it is then left out). */
    private static String visibleLabel(UUID id, Function<UUID, String> labelOf) {
        try {
            return labelOf.apply(id);
        }
        catch (RecordNotFoundException e) {
            return null;
        }
    }

    private static String label(String number, String name) {
        return number == null ? name : number + " " + name;
    }

    private static String label(ContactView contact) {
        return contact.title() == null ? contact.name() + " · " + contact.customerName()
                : contact.name() + " · " + contact.customerName() + " · " + contact.title();
    }
}
