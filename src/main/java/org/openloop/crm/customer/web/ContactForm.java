package org.openloop.crm.customer.web;

import java.time.LocalDate;
import java.util.UUID;

import org.openloop.crm.customer.ContactDraft;
import org.openloop.crm.customer.ContactView;
import org.openloop.crm.shared.ValidPhone;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/** The contact form's fields (B2). */
class ContactForm {

    @NotBlank
    @Size(max = 100)
    private String name;
    @Size(max = 100)
    private String title;
    @ValidPhone
    @Size(max = 40)
    private String mobile;
    @ValidPhone
    @Size(max = 40)
    private String officePhone;
    @Email
    @Size(max = 200)
    private String email;
    @Past
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthday;
    private boolean keyDecisionMaker;
    private boolean primaryContact;
    private Long version;
    /** Custom field inputs by key (B11), as typed; the facade converts and validates them. */
    private java.util.Map<String, String> customFields = new java.util.LinkedHashMap<>();

    static ContactForm of(ContactView c) {
        ContactForm form = new ContactForm();
        form.name = c.name();
        form.title = c.title();
        form.mobile = c.mobile();
        form.officePhone = c.officePhone();
        form.email = c.email();
        form.birthday = c.birthday();
        form.keyDecisionMaker = c.keyDecisionMaker();
        form.primaryContact = c.primaryContact();
        form.version = c.version();
        form.customFields = org.openloop.crm.customfield.CustomFieldText.formValues(c.customFields());
        return form;
    }

    ContactDraft toDraft(UUID customerId) {
        return new ContactDraft(customerId, name, title, mobile, officePhone, email, birthday, keyDecisionMaker,
                primaryContact, version, new java.util.LinkedHashMap<>(customFields));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getOfficePhone() {
        return officePhone;
    }

    public void setOfficePhone(String officePhone) {
        this.officePhone = officePhone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public void setBirthday(LocalDate birthday) {
        this.birthday = birthday;
    }

    public boolean isKeyDecisionMaker() {
        return keyDecisionMaker;
    }

    public void setKeyDecisionMaker(boolean keyDecisionMaker) {
        this.keyDecisionMaker = keyDecisionMaker;
    }

    public boolean isPrimaryContact() {
        return primaryContact;
    }

    public void setPrimaryContact(boolean primaryContact) {
        this.primaryContact = primaryContact;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public java.util.Map<String, String> getCustomFields() {
        return customFields;
    }

    public void setCustomFields(java.util.Map<String, String> customFields) {
        this.customFields = customFields;
    }
}
