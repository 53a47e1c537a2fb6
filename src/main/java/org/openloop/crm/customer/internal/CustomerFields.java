package org.openloop.crm.customer.internal;

import java.util.List;

import org.openloop.crm.customer.CompanySize;
import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerType;

/** Reads and replaces one named field of {@link Customer.Details}, as text (merge picks, key-field changes). */
public final class CustomerFields {

    public static final List<String> NAMES = List.of("name", "industry", "size", "type", "level", "source", "address",
            "phone", "email", "website", "background", "painPoints");

    private CustomerFields() {
    }

    public static String get(Customer.Details d, String field) {
        Object value = switch (field) {
            case "name" -> d.name();
            case "industry" -> d.industry();
            case "size" -> d.size();
            case "type" -> d.type();
            case "level" -> d.level();
            case "source" -> d.source();
            case "address" -> d.address();
            case "phone" -> d.phone();
            case "email" -> d.email();
            case "website" -> d.website();
            case "background" -> d.background();
            case "painPoints" -> d.painPoints();
            default -> throw new IllegalArgumentException(field);
        };
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    public static Customer.Details with(Customer.Details d, String field, String value) {
        return new Customer.Details(
                field.equals("name") ? value : d.name(),
                field.equals("industry") ? value : d.industry(),
                field.equals("size") ? (value == null ? null : CompanySize.valueOf(value)) : d.size(),
                field.equals("type") ? CustomerType.valueOf(value) : d.type(),
                field.equals("level") ? CustomerLevel.valueOf(value) : d.level(),
                field.equals("source") ? (value == null ? null : CustomerSource.valueOf(value)) : d.source(),
                field.equals("address") ? value : d.address(),
                field.equals("phone") ? value : d.phone(),
                field.equals("email") ? value : d.email(),
                field.equals("website") ? value : d.website(),
                field.equals("background") ? value : d.background(),
                field.equals("painPoints") ? value : d.painPoints());
    }
}
