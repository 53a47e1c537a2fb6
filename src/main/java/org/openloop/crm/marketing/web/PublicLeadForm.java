package org.openloop.crm.marketing.web;

import org.openloop.crm.marketing.LeadSubmission;

/**
 * The public form (J2). Only these properties are bound (see {@link PublicFormPages#allowOnly}); {@code website} is
 * the honeypot, hidden by CSS: people leave it empty, form-filling robots do not.
 */
public class PublicLeadForm {

    private String companyName;
    private String contactName;
    private String mobile;
    private String email;
    private String message;
    private boolean consent;
    private String website;

    LeadSubmission submission() {
        return new LeadSubmission(companyName, contactName, mobile, email, message, consent);
    }

    boolean trapped() {
        return website != null && !website.isEmpty();
    }

    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
}
