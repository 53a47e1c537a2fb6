package org.openloop.crm.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity whose creates, field changes and deletes are written to the audit trail automatically, in the
 * same transaction as the change. {@link #value()} names the record type as the trail shows it ({@code user},
 * {@code customer} …). Fields listed in {@link #ignore()} (hashes, counters) are never written.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Audited {

    String value();

    String[] ignore() default {};
}
