package org.openloop.crm.customer;

/**
 * A lead from outside the company (J2): what a visitor typed into a public form. Only these values reach the
 * customer: type, level, owner, department and every other field are fixed by {@link CustomerLeads#capture}.
 * {@code source} must be {@link CustomerSource#WEB_FORM} or {@link CustomerSource#CAMPAIGN}.
 */
public record LeadCapture(String companyName, String contactName, String mobile, String email, String message,
        CustomerSource source) {

    public LeadCapture {
        companyName = CustomerDraft.trim(companyName);
        contactName = CustomerDraft.trim(contactName);
        mobile = CustomerDraft.trim(mobile);
        email = CustomerDraft.trim(email);
        message = CustomerDraft.trim(message);
    }
}
