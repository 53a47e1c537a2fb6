package org.openloop.crm.messaging;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of e-mail templates: {@code {{contact.name}}}, {@code {{contact.title}}}, {@code {{customer.name}}},
 * {@code {{user.name}}}. A single pass of plain text replacement — no expression is ever evaluated, values are
 * inserted literally (a value that itself looks like a variable stays as it is) and unknown variables are left
 * untouched so the writer sees them. The result is plain text: mail goes out as {@code text/plain} and pages escape
 * it when they show it.
 */
public final class MailTemplates {

    public static final java.util.List<String> VARIABLES = java.util.List.of("contact.name", "contact.title",
            "customer.name", "user.name");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z]+\\.[a-z]+)\\s*\\}\\}");

    private MailTemplates() {
    }

    public static String render(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
