package org.openloop.crm.messaging;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openloop.crm.customer.ContactDirectory;
import org.openloop.crm.customer.ContactDirectory.ContactAddress;
import org.openloop.crm.messaging.internal.CallRecord;
import org.openloop.crm.messaging.internal.CallRecords;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.PhoneNumbers;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.SensitiveData;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls from the telephony system (C4). Each call is stored once per external call id and matched to the contact
 * whose mobile or office phone is the number (mainland, landline and +86 spellings alike); an unmatched call waits
 * for review. A call belongs to its agent (owner and department) when the agent is known, otherwise to the matched
 * customer's owner; an unmatched call without an agent is seen by company-wide users only. The recording link is
 * only ever stored and shown as a link — the server never fetches it.
 */
@Service
public class CallLog {

    static final int MAX_URL = 2000;
    static final int MAX_DURATION = (int) Duration.ofDays(1).toSeconds();

    static final ListQuery<CallRecord> REVIEW_QUERY = ListQuery.of(CallRecord.class)
            .sortable("startedAt", Instant.class)
            .filter("direction", CallDirection.class, Match.EQUALS)
            .defaultSort("-startedAt")
            .build();

    /** What {@link #log} did: {@code created} is false when the external call id was already logged. */
    public record Logged(CallView call, boolean created) {
    }

    private final CallRecords calls;
    private final ContactDirectory directory;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final Clock clock;

    CallLog(CallRecords calls, ContactDirectory directory, AccessControl access, OrganizationManagement organization,
            Clock clock) {
        this.calls = calls;
        this.directory = directory;
        this.access = access;
        this.organization = organization;
        this.clock = clock;
    }

    /** Logs a call, or returns the one already logged under the same external call id. */
    @Transactional
    @RequiresPermission(module = EmailManagement.MODULE, action = "create")
    public Logged log(CallDraft draft) {
        String externalId = draft.externalCallId() == null ? "" : draft.externalCallId().strip();
        if (externalId.isEmpty() || externalId.length() > 200) {
            throw BusinessRuleException.onField("externalCallId", "call.externalId.invalid", 200);
        }
        var existing = calls.findByExternalId(externalId);
        if (existing.isPresent()) {
            return new Logged(view(existing.get()), false);
        }
        String number = PhoneNumbers.normalise(draft.number());
        if (number == null || number.length() > 40 || !number.matches("\\+?\\d[\\d#]{2,39}")) {
            throw BusinessRuleException.onField("number", "call.number.invalid");
        }
        if (draft.direction() == null) {
            throw BusinessRuleException.onField("direction", "call.direction.required");
        }
        if (draft.startedAt() == null) {
            throw BusinessRuleException.onField("startedAt", "call.startedAt.required");
        }
        int duration = draft.durationSeconds() == null ? 0 : draft.durationSeconds();
        if (duration < 0 || duration > MAX_DURATION) {
            throw BusinessRuleException.onField("durationSeconds", "call.duration.invalid", MAX_DURATION);
        }
        String recording = recordingUrl(draft.recordingUrl());
        UUID agent = agent(draft);
        CallRecord call = new CallRecord(externalId, number, draft.direction(), draft.startedAt(), duration,
                recording, agent, agent == null ? null : access.departmentOf(agent),
                EmailManagement.currentUser(), clock.instant());
        List<ContactAddress> matches = directory.matchPhone(number);
        if (!matches.isEmpty()) {
            ContactAddress contact = matches.get(0);
            call.logOn(contact.customerId(), contact.contactId(), contact.customerOwnerId(),
                    contact.customerDepartmentId());
        }
        calls.saveAndFlush(call);
        return new Logged(view(call), true);
    }

    /** A call the caller may see; 404 otherwise. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = EmailManagement.MODULE, action = "view")
    public CallView call(UUID id) {
        return view(calls.getVisible(id, access.currentScope(), "call"));
    }

    /** Calls no contact's number matched, for a reviewer to assign or discard. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = EmailManagement.MODULE, action = "view")
    public CursorPage<CallView> review(ListRequest request) {
        Specification<CallRecord> waiting = (root, query, cb) -> cb.equal(root.get("status"), CallStatus.REVIEW);
        return REVIEW_QUERY.page(calls, request, waiting.and(access.currentScope().toSpecification()))
                .map(this::view);
    }

    /** Logs a call waiting for review on a contact the caller may see. */
    @Transactional
    @RequiresPermission(module = EmailManagement.MODULE, action = "create")
    public CallView assign(UUID id, UUID contactId) {
        CallRecord call = waiting(id);
        if (contactId == null) {
            throw BusinessRuleException.onField("contactId", "call.review.contactRequired");
        }
        ContactAddress contact = directory.visible(contactId);
        call.logOn(contact.customerId(), contact.contactId(), contact.customerOwnerId(),
                contact.customerDepartmentId());
        calls.flush();
        return view(call);
    }

    @Transactional
    @RequiresPermission(module = EmailManagement.MODULE, action = "create")
    public CallView discard(UUID id) {
        CallRecord call = waiting(id);
        call.discard();
        calls.flush();
        return view(call);
    }

    /** Whether a stored recording link may be shown as a link: http or https only. */
    public static boolean linkable(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String recordingUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (url.length() > MAX_URL || !linkable(url)) {
            throw BusinessRuleException.onField("recordingUrl", "call.recordingUrl.invalid", MAX_URL);
        }
        return url;
    }

    private UUID agent(CallDraft draft) {
        if (draft.agentId() == null && (draft.agentUsername() == null || draft.agentUsername().isBlank())) {
            return null;
        }
        return organization.activeUsers().stream()
                .filter(u -> draft.agentId() != null ? u.id().equals(draft.agentId())
                        : u.username().equalsIgnoreCase(draft.agentUsername().strip()))
                .map(UserSummary::id).findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("agent", "call.agent.unknown"));
    }

    private CallRecord waiting(UUID id) {
        CallRecord call = calls.getVisible(id, access.currentScope(), "call");
        if (call.getStatus() != CallStatus.REVIEW) {
            throw BusinessRuleException.conflict(null, "call.review.done");
        }
        return call;
    }

    private CallView view(CallRecord c) {
        String agentName = c.getAgentId() == null ? null
                : organization.names(List.of(c.getAgentId())).get(c.getAgentId());
        return SensitiveData.mask(new CallView(c.getId(), c.getExternalId(), c.getPhone(), c.getDirection(),
                c.getStatus(), c.getStartedAt(), c.getDurationSeconds(), c.getRecordingUrl(), c.getAgentId(),
                agentName, c.getCustomerId(), c.getContactId(), c.getCreatedAt()));
    }
}
