package org.openloop.crm.marketing;

/**
 * What a visitor may submit through a campaign's public form (J2): only these fields are ever bound, so owner,
 * department, type, level or anything else cannot be set from outside.
 */
public record LeadSubmission(String companyName, String contactName, String mobile, String email, String message,
        boolean consent) {
}
