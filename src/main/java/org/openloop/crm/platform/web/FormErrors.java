package org.openloop.crm.platform.web;

import org.openloop.crm.shared.BusinessRuleException;
import org.springframework.validation.BindingResult;

/**
 * Puts facade refusals into a form's binding result, so that a broken business rule is shown next to its field
 * (or above the form) in the user's language instead of leaving the form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * The one shape of a form post: with field errors the form is shown again; otherwise {@code save} runs — it calls
     * the facade, adds its flash message and answers the redirect. A refused rule, refused input or a stale version
     * puts its message next to its field (or above the form) and {@code reshow} shows the form again, so nothing the
     * user typed is lost.
     */
    public static String save(BindingResult result, java.util.function.Supplier<String> save,
            java.util.function.Supplier<String> reshow) {
        if (!result.hasErrors()) {
            try {
                return save.get();
            }
            catch (BusinessRuleException e) {
                reject(result, e);
            }
            catch (org.openloop.crm.shared.InvalidInputException e) {
                reject(result, e);
            }
            catch (org.openloop.crm.shared.VersionConflictException
                    | org.springframework.orm.ObjectOptimisticLockingFailureException e) {
                rejectVersionConflict(result);
            }
        }
        return reshow.get();
    }

    public static void reject(BindingResult result, BusinessRuleException e) {
        if (e.field() != null && hasField(result, e.field())) {
            result.rejectValue(e.field(), e.messageKey(), e.arguments(), e.messageKey());
        }
        else {
            result.reject(e.messageKey(), e.arguments(), e.messageKey());
        }
    }

    /** Every refused field of the input next to its field, or above the form when the form has no such field. */
    public static void reject(BindingResult result, org.openloop.crm.shared.InvalidInputException e) {
        for (var problem : e.problems()) {
            Object[] arguments = problem.arguments().toArray();
            if (hasField(result, problem.field())) {
                result.rejectValue(problem.field(), problem.messageKey(), arguments, problem.messageKey());
            }
            else {
                result.reject(problem.messageKey(), arguments, problem.messageKey());
            }
        }
    }

    /** Someone else saved the record since the form was opened (optimistic locking). */
    public static void rejectVersionConflict(BindingResult result) {
        result.reject("problem.versionConflict", "problem.versionConflict");
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            result.getFieldType(field);
            return result.getTarget() != null
                    && new org.springframework.beans.BeanWrapperImpl(result.getTarget()).isReadableProperty(field);
        }
        catch (RuntimeException e) {
            return false;
        }
    }
}
