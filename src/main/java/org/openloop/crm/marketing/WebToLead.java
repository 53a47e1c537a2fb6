package org.openloop.crm.marketing;

import java.time.Clock;
import java.util.Optional;

import org.openloop.crm.customer.CapturedLead;
import org.openloop.crm.customer.CustomerLeads;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.LeadCapture;
import org.openloop.crm.marketing.internal.Campaign;
import org.openloop.crm.marketing.internal.CampaignLead;
import org.openloop.crm.marketing.internal.CampaignLeads;
import org.openloop.crm.marketing.internal.CampaignNotices;
import org.openloop.crm.marketing.internal.Campaigns;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public web-to-lead form (J2), for anonymous visitors: no permission check, found only by its random token and
 * only while switched on (otherwise 404, as for an unknown token). A submission becomes a target customer in the pool
 * (or is linked to the existing customer of that name, see {@link CustomerLeads}), is remembered as the campaign's
 * lead, and the campaign's owner is notified. Honeypot and rate limit are checked by the page before this is called.
 */
@Service
public class WebToLead {

    private final Campaigns campaigns;
    private final CampaignLeads leads;
    private final CustomerLeads customerLeads;
    private final CampaignNotices notices;
    private final Clock clock;

    WebToLead(Campaigns campaigns, CampaignLeads leads, CustomerLeads customerLeads, CampaignNotices notices,
            Clock clock) {
        this.campaigns = campaigns;
        this.leads = leads;
        this.customerLeads = customerLeads;
        this.notices = notices;
        this.clock = clock;
    }

    /** The form behind {@code token}, if it exists and is switched on. */
    @Transactional(readOnly = true)
    public Optional<PublicForm> form(String token) {
        return open(token).map(c -> new PublicForm(c.getName()));
    }

    /** Captures a submission; invalid input is {@code InvalidInputException} (400) with every refused field. */
    @Transactional
    public void submit(String token, LeadSubmission submission) {
        Campaign campaign = open(token).orElseThrow(() -> new RecordNotFoundException("campaignForm", "-"));
        LeadCapture capture = new LeadCapture(submission.companyName(), submission.contactName(), submission.mobile(),
                submission.email(), submission.message(), CustomerSource.WEB_FORM);
        CapturedLead captured = customerLeads.capture(capture);
        if (!leads.existsByCampaignIdAndCustomerId(campaign.getId(), captured.customerId())) {
            leads.save(new CampaignLead(campaign.getId(), captured.customerId(), captured.customerName(),
                    captured.contactId(), captured.contactName(), capture.message(), CampaignLead.FORM,
                    captured.duplicate(), submission.consent(), clock.instant()));
        }
        notices.leadCaptured(campaign, captured.customerName(), captured.contactName());
    }

    private Optional<Campaign> open(String token) {
        if (token == null || token.length() < 16 || token.length() > 64) {
            return Optional.empty();
        }
        return campaigns.findByFormToken(token).filter(Campaign::isFormEnabled);
    }
}
