package org.openloop.crm.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Declares the module permission (A2) an endpoint or facade method needs, for example
 * {@code @RequiresPermission(module = "organization", action = "edit")}. Checked by Spring Security's method
 * security on every channel that reaches the method; a missing permission answers 403.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
@PreAuthorize("hasAuthority('{module}:{action}')")
public @interface RequiresPermission {

    String module();

    String action();
}
