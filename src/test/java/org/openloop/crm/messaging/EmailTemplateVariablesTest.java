package org.openloop.crm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openloop.crm.messaging.internal.InboundMailParser;

/** Template variables (C3) and the text kept of HTML mail. */
class EmailTemplateVariablesTest {

    @Test
    void replacesKnownVariablesOnceAndLiterally() {
        String text = MailTemplates.render("Hi {{contact.name}}, {{ customer.name }} / {{user.name}} {{nope.x}} $1 \\",
                Map.of("contact.name", "{{customer.name}} $0 \\", "customer.name", "ACME", "user.name", "李明"));
        assertThat(text).isEqualTo("Hi {{customer.name}} $0 \\, ACME / 李明 {{nope.x}} $1 \\");
    }

    @Test
    void noExpressionIsEvaluated() {
        assertThat(MailTemplates.render("${7*7} #{1+1} [[${x}]] {{T(java.lang.Runtime)}}", Map.of()))
                .isEqualTo("${7*7} #{1+1} [[${x}]] {{T(java.lang.Runtime)}}");
    }

    @Test
    void htmlMailIsKeptAsText() {
        assertThat(InboundMailParser.htmlToText(
                "<html><head><style>p{}</style></head><body><p>Hi &amp; <b>bye</b></p><script>alert(1)</script>"
                        + "<div>&lt;img&gt;</div></body></html>"))
                .isEqualTo("Hi & bye\n<img>");
    }
}
