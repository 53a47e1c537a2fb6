package org.openloop.crm.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field (entity attribute or record component) as sensitive (A4). Values are shown in full only to users
 * holding {@link Authorities#VIEW_SENSITIVE}; everyone else sees the mask {@link #value()} produces, on every channel
 * that goes through {@link SensitiveData}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD })
public @interface Sensitive {

    MaskStyle value();
}
