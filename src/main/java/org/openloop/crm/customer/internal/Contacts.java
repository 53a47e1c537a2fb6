package org.openloop.crm.customer.internal;

import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.ScopedRepository;

public interface Contacts extends ScopedRepository<Contact, UUID> {

    List<Contact> findByCustomerIdOrderByPrimaryContactDescNameAsc(UUID customerId);

    List<Contact> findTop10ByMobile(String mobile);

    List<Contact> findTop10ByOfficePhone(String officePhone);

    List<Contact> findTop10ByEmail(String email);

    List<Contact> findByMobileIn(java.util.Collection<String> mobiles);

    List<Contact> findByOfficePhoneIn(java.util.Collection<String> officePhones);

    List<Contact> findByEmailIn(java.util.Collection<String> emails);

}
