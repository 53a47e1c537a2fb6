package org.openloop.crm.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A phone number in one of the {@link PhoneNumbers} formats; empty is allowed (combine with NotBlank if needed). */
@Documented
@Constraint(validatedBy = ValidPhone.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPhone {

    String message() default "{validation.phone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPhone, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // A masked value sent back unchanged is resolved by SensitiveData.keepIfMasked, not here.
            return value == null || value.isBlank() || value.contains("****") || PhoneNumbers.isValid(value);
        }
    }
}
