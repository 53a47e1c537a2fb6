package org.openloop.crm.customer.web;

import org.openloop.crm.customer.CompanySize;
import org.openloop.crm.customer.CustomerDraft;
import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerType;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.shared.ValidPhone;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The customer form's fields; only what {@link CustomerDraft} allows, so owner and number cannot be posted. */
class CustomerForm {

    @NotBlank
    @Size(max = 200)
    private String name;
    @Size(max = 100)
    private String industry;
    private CompanySize size;
    private CustomerType type = CustomerType.TARGET;
    private CustomerLevel level = CustomerLevel.NORMAL;
    private CustomerSource source;
    @Size(max = 300)
    private String address;
    @ValidPhone
    @Size(max = 40)
    private String phone;
    @Email
    @Size(max = 200)
    private String email;
    @Pattern(regexp = "(https?://[^\\s]{1,290})?", message = "{validation.website}")
    private String website;
    @Size(max = 4000)
    private String background;
    @Size(max = 4000)
    private String painPoints;
    private Long version;
    /** Custom field inputs by key (B11), as typed; the facade converts and validates them. */
    private java.util.Map<String, String> customFields = new java.util.LinkedHashMap<>();
    /** Set when the user saw the duplicate warning and saves anyway (B6). */
    private boolean confirmDuplicates;

    static CustomerForm of(CustomerView c) {
        CustomerForm form = new CustomerForm();
        form.name = c.name();
        form.industry = c.industry();
        form.size = c.size();
        form.type = c.type();
        form.level = c.level();
        form.source = c.source();
        form.address = c.address();
        form.phone = c.phone();
        form.email = c.email();
        form.website = c.website();
        form.background = c.background();
        form.painPoints = c.painPoints();
        form.version = c.version();
        form.customFields = org.openloop.crm.customfield.CustomFieldText.formValues(c.customFields());
        return form;
    }

    CustomerDraft toDraft() {
        return new CustomerDraft(name, industry, size, type, level, source, address, phone, email,
                website == null || website.isBlank() ? null : website, background, painPoints, version,
                new java.util.LinkedHashMap<>(customFields));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public CompanySize getSize() {
        return size;
    }

    public void setSize(CompanySize size) {
        this.size = size;
    }

    public CustomerType getType() {
        return type;
    }

    public void setType(CustomerType type) {
        this.type = type;
    }

    public CustomerLevel getLevel() {
        return level;
    }

    public void setLevel(CustomerLevel level) {
        this.level = level;
    }

    public CustomerSource getSource() {
        return source;
    }

    public void setSource(CustomerSource source) {
        this.source = source;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getBackground() {
        return background;
    }

    public void setBackground(String background) {
        this.background = background;
    }

    public String getPainPoints() {
        return painPoints;
    }

    public void setPainPoints(String painPoints) {
        this.painPoints = painPoints;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public boolean isConfirmDuplicates() {
        return confirmDuplicates;
    }

    public void setConfirmDuplicates(boolean confirmDuplicates) {
        this.confirmDuplicates = confirmDuplicates;
    }

    public java.util.Map<String, String> getCustomFields() {
        return customFields;
    }

    public void setCustomFields(java.util.Map<String, String> customFields) {
        this.customFields = customFields;
    }
}
