package org.openloop.crm.sales.internal;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.attachment.AttachableRecordType;
import org.openloop.crm.comment.CommentableRecordType;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customfield.CustomFieldRecordType;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.platform.MergedLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.sales.OpportunityStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How opportunities take part in the generic mechanisms: attachments (B8) and comments (E8) on record type
 * {@code opportunity} — access to them is access to the opportunity, in the reader's scope — custom fields (B11,
 * definitions readable with {@code opportunity:view}) and customer merges (B6), which move the merged customer's
 * opportunities to the survivor.
 */
final class OpportunityRecordTypes {

    private OpportunityRecordTypes() {
    }

    static final String TYPE = "opportunity";

    @Component
    static class Attachable implements AttachableRecordType {

        private final Opportunities opportunities;
        private final AccessControl access;

        Attachable(Opportunities opportunities, AccessControl access) {
            this.opportunities = opportunities;
            this.access = access;
        }

        @Override
        public String recordType() {
            return TYPE;
        }

        @Override
        @Transactional(readOnly = true)
        @RequiresPermission(module = TYPE, action = "view")
        public void checkReadable(UUID recordId) {
            opportunities.getVisible(recordId, access.currentScope(), TYPE);
        }

        @Override
        @Transactional(readOnly = true)
        @RequiresPermission(module = TYPE, action = "view")
        public void checkEditable(UUID recordId) {
            Opportunity opportunity = opportunities.getVisible(recordId, access.currentScope(), TYPE);
            Permissions.require(TYPE, "edit");
            if (opportunity.getStatus() == OpportunityStatus.CLOSED) {
                OpportunityWorkflow.checkEditable(opportunity.getStatus());
            }
        }
    }

    @Component
    static class Commentable implements CommentableRecordType {

        private final Opportunities opportunities;
        private final AccessControl access;

        Commentable(Opportunities opportunities, AccessControl access) {
            this.opportunities = opportunities;
            this.access = access;
        }

        @Override
        public String recordType() {
            return TYPE;
        }

        @Override
        @Transactional(readOnly = true)
        @RequiresPermission(module = TYPE, action = "view")
        public void checkReadable(UUID recordId) {
            opportunities.getVisible(recordId, access.currentScope(), TYPE);
        }

        @Override
        @Transactional(readOnly = true)
        public boolean canRead(UUID userId, UUID recordId) {
            return access.hasPermission(userId, TYPE, Authorities.Action.VIEW)
                    && opportunities.findVisible(recordId, access.scopeOf(userId)).isPresent();
        }

        @Override
        @Transactional(readOnly = true)
        public String label(UUID recordId) {
            Opportunity o = opportunities.findVisible(recordId, access.currentScope())
                    .orElseThrow(() -> new RecordNotFoundException(TYPE, recordId));
            return o.getNumber() + " " + o.getName();
        }

        @Override
        public String link(UUID recordId) {
            return "/opportunities/" + recordId;
        }
    }

    /**
     * Customer merges move opportunities (and their denormalised customer name) to the survivor, and an undone merge
     * moves them back (B6).
     */
    @Configuration(proxyBeanMethods = false)
    static class Merges {

        @Bean
        MergedLinks.Link opportunityMergeLink(Opportunities opportunities, OpportunitySearch search,
                ObjectProvider<CustomerManagement> customers, Clock clock) {
            return MergedLinks.Link.ofRecords("opportunity", "customer", opportunities::idsOfCustomer,
                    opportunities::findAllById, Opportunity::getCustomerId, (opportunity, to) -> {
                        opportunity.moveToCustomer(to, customers.getObject().labels(Set.of(to)).get(to),
                                clock.instant());
                        search.index(opportunity);
                    });
        }
    }

    /** Opportunities carry custom fields (B11); listed after customers and contacts on the settings page. */
    @Component
    @Order(30)
    static class CustomFieldRecords implements CustomFieldRecordType {

        @Override
        public String recordType() {
            return TYPE;
        }
    }
}
