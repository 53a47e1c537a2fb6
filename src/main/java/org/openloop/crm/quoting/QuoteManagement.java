package org.openloop.crm.quoting;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.catalog.CatalogManagement;
import org.openloop.crm.catalog.PriceListView;
import org.openloop.crm.catalog.PriceQuote;
import org.openloop.crm.catalog.ProductRef;
import org.openloop.crm.customer.ContactView;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.notification.Notifications;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.SequenceNumbers;
import org.openloop.crm.quoting.internal.Quote;
import org.openloop.crm.quoting.internal.QuoteLine;
import org.openloop.crm.quoting.internal.QuoteLines;
import org.openloop.crm.quoting.internal.QuoteWorkflow;
import org.openloop.crm.quoting.internal.Quotes;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityWork;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.InvalidInputException;
import org.openloop.crm.shared.InvalidInputException.FieldProblem;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Quotes (F5). Every read goes through the data scope (a quote outside it is a 404 on every verb, PDF included);
 * a new quote needs an opportunity the caller sees and that still accepts work; every state change goes through
 * {@link QuoteWorkflow}; amounts through {@code QuoteArithmetic}. Discount approval: a line discount above
 * {@code crm.quote.discount-approval-percent} sends the quote to PENDING_APPROVAL, and the approvers — holders of
 * {@code quote:assign} whose data scope covers the quote (the owner's sales managers; administrators) — are notified.
 */
@Service
public class QuoteManagement {

    static final String MODULE = "quote";
    static final String APPROVAL_NOTIFICATION = "quote.approvalRequested";
    static final String DECISION_NOTIFICATION = "quote.approvalDecided";

    static final ListQuery<Quote> QUERY = ListQuery.of(Quote.class)
            .sortable("createdAt", Instant.class)
            .sortable("number", String.class)
            .sortable("quoteDate", LocalDate.class)
            .sortable("validUntil", LocalDate.class)
            .sortable("grandTotal", BigDecimal.class)
            .filter("status", QuoteStatus.class, Match.EQUALS)
            .filter("customerId", UUID.class, Match.EQUALS)
            .filter("opportunityId", UUID.class, Match.EQUALS)
            .filter("ownerId", UUID.class, Match.EQUALS)
            .filter("from", "quoteDate", LocalDate.class, Match.FROM)
            .filter("before", "quoteDate", LocalDate.class, Match.BEFORE)
            .searchable("number")
            .searchable("customerName")
            .searchable("opportunityName")
            .defaultSort("-createdAt")
            .build();

    private final Quotes quotes;
    private final QuoteLines lines;
    private final OpportunityManagement opportunities;
    private final CatalogManagement catalog;
    private final CustomerManagement customers;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final SequenceNumbers numbers;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Exports exports;
    private final org.openloop.crm.quoting.internal.QuotePdfRenderer renderer;
    private final org.openloop.crm.messaging.EmailManagement mail;
    private final org.springframework.context.MessageSource messages;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final BigDecimal approvalThreshold;
    private final int validityDays;
    private final String numberPattern;

    private final org.openloop.crm.quoting.internal.QuoteSearch search;

    QuoteManagement(Quotes quotes, QuoteLines lines, OpportunityManagement opportunities, CatalogManagement catalog,
            CustomerManagement customers, AccessControl access, OrganizationManagement organization,
            SequenceNumbers numbers, Notifications notifications, AuditTrail audit, Exports exports,
            org.openloop.crm.quoting.internal.QuotePdfRenderer renderer, org.openloop.crm.messaging.EmailManagement mail,
            org.springframework.context.MessageSource messages,
            org.springframework.transaction.support.TransactionTemplate transactions, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${crm.quote.discount-approval-percent:10}") BigDecimal approvalThreshold,
            @Value("${crm.quote.validity-days:30}") int validityDays,
            @Value("${crm.quote.number-pattern:BJ{date:yyyyMMdd}{seq:3}}") String numberPattern, org.openloop.crm.quoting.internal.QuoteSearch search) {
        this.search = search;
        this.quotes = quotes;
        this.lines = lines;
        this.opportunities = opportunities;
        this.catalog = catalog;
        this.customers = customers;
        this.access = access;
        this.organization = organization;
        this.numbers = numbers;
        this.notifications = notifications;
        this.audit = audit;
        this.exports = exports;
        this.renderer = renderer;
        this.mail = mail;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
        this.approvalThreshold = approvalThreshold;
        this.validityDays = validityDays;
        this.numberPattern = numberPattern;
    }

    // --- for other modules (contract) ---------------------------------------------------------------------------

    /** An accepted quote for the contract module; 404 outside the caller's scope, 409 when it is not ACCEPTED. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public AcceptedQuote acceptedQuote(UUID quoteId) {
        Quote quote = visible(quoteId);
        if (quote.getStatus() != QuoteStatus.ACCEPTED) {
            throw BusinessRuleException.conflict(null, "quote.notAccepted", quote.getNumber(),
                    QuoteWorkflowLabels.status(quote.getStatus()));
        }
        return new AcceptedQuote(quote.getId(), quote.getNumber(), quote.getQuoteVersion(), quote.getOpportunityId(),
                quote.getCustomerId(), quote.getCurrency(), lineViews(lines.findByQuoteIdOrderByPosition(quoteId)),
                quote.getNetTotal(), quote.getTaxTotal(), quote.getGrandTotal());
    }

    /** The quotes of an opportunity the caller sees (every version), newest first. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<QuoteSummary> quotesOf(UUID opportunityId) {
        return quotesOfOpportunity(opportunityId).stream().map(QuoteManagement::summary).toList();
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /** Quotes in the caller's scope; filters status, customerId, opportunityId, ownerId, from/before (quote date). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<QuoteView> quotes(ListRequest request) {
        CursorPage<Quote> page = quotes.pageVisible(QUERY, request, access.currentScope());
        return new CursorPage<>(views(page.items(), false), page.nextCursor());
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public QuoteView quote(UUID id) {
        return views(List.of(visible(id)), true).get(0);
    }

    /** The quotes of an opportunity for its page's tab, newest first. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<QuoteView> quotesOfOpportunityView(UUID opportunityId) {
        opportunities.ref(opportunityId);
        return views(quotesOfOpportunity(opportunityId), false);
    }

    /** Every version of the quote's number that the caller sees, oldest first. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<QuoteVersionRef> versions(UUID id) {
        Quote quote = visible(id);
        DataScope scope = access.currentScope();
        return quotes.findByNumberOrderByQuoteVersion(quote.getNumber()).stream().filter(scope::allows)
                .map(q -> new QuoteVersionRef(q.getId(), q.getQuoteVersion(), q.getStatus(), q.getGrandTotal(),
                        q.getCreatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> history(UUID id, ListRequest request) {
        visible(id);
        return audit.historyOf(MODULE, id, request);
    }

    /** Streams the filtered list as CSV or xlsx ({@code quote:export}), in the caller's scope. */
    @RequiresPermission(module = MODULE, action = "export")
    public void export(ListRequest request, Exports.Format format, List<String> headers,
            Function<QuoteView, List<?>> row, HttpServletResponse response) throws IOException {
        DataScope scope = access.currentScope();
        exports.writeList(response, format, "quotes", MODULE, headers, zone, request,
                page -> quotes.pageVisible(QUERY, page, scope), batch -> views(batch, false), row);
    }

    /** The contact's name and e-mail for the PDF and the mail form; null when unset or not visible. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public ContactView contactOf(UUID id) {
        Quote quote = visible(id);
        return contact(quote.getContactId());
    }

    /** The contacts of the quote's customer, for the form and the mail form. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<ContactView> contactsOfCustomer(UUID customerId) {
        try {
            return customers.contactsOf(customerId);
        }
        catch (RecordNotFoundException | org.springframework.security.access.AccessDeniedException e) {
            return List.of();
        }
    }

    // --- changing -----------------------------------------------------------------------------------------------

    /**
     * A new DRAFT quote on an opportunity the caller sees and that still accepts quotes (409 otherwise); customer
     * and currency come from the opportunity, prices default from the price list on the quote date.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public QuoteView create(QuoteDraft draft) {
        var opportunity = opportunity(draft.opportunityId());
        opportunities.requireAcceptsNewWork(opportunity.id(), OpportunityWork.QUOTE);
        UUID me = currentUser();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Quote quote = new Quote(numbers.next(MODULE, numberPattern), 1, opportunity.id(), opportunity.name(),
                opportunity.customerId(), opportunity.customerName(),
                opportunity.currency() == null ? CatalogManagement.DEFAULT_CURRENCY : opportunity.currency(), me,
                access.departmentOf(me), today, clock.instant());
        write(quote, draft, today);
        return views(List.of(quote), true).get(0);
    }

    /** Edits a DRAFT in place (header and lines); {@code draft.version()} must match (409 otherwise). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public QuoteView update(UUID id, QuoteDraft draft, boolean versionFromIfMatch) {
        Quote quote = visible(id);
        VersionConflictException.check(MODULE, id, draft.version(), quote.getVersion(), versionFromIfMatch);
        QuoteWorkflow.checkEditable(quote.getStatus(), actor());
        if (draft.opportunityId() != null && !draft.opportunityId().equals(quote.getOpportunityId())) {
            throw BusinessRuleException.onField("opportunityId", "quote.opportunity.fixed");
        }
        write(quote, draft, quote.getQuoteDate());
        return views(List.of(quote), true).get(0);
    }

    /** Deletes a DRAFT ({@code quote:delete}); other states are kept as the record of what was offered. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void delete(UUID id) {
        Quote quote = visible(id);
        if (quote.getStatus() != QuoteStatus.DRAFT) {
            throw BusinessRuleException.conflict(null, "quote.delete.notDraft",
                    QuoteWorkflowLabels.status(quote.getStatus()));
        }
        lines.deleteByQuoteId(id);
        quotes.delete(quote);
        quotes.flush();
        search.remove(id);
    }

    /**
     * A workflow step (send, approve, reject approval, accept, reject); {@code version}, when given, must match.
     * Sending a quote whose discount needs approval notifies the approvers; their decision notifies the owner.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "view")
    public QuoteView act(UUID id, QuoteAction action, String reason, Long version, boolean versionFromIfMatch) {
        if (action == QuoteAction.EXPIRE || action == QuoteAction.REVISE) {
            throw new IllegalArgumentException("Use expire job / revise for " + action);
        }
        Quote quote = visible(id);
        VersionConflictException.check(MODULE, id, version, quote.getVersion(), versionFromIfMatch);
        UUID me = currentUser();
        QuoteStatus next = quote.apply(action, actor(), me, reason, clock.instant());
        quotes.flush();
        String link = "/quotes/" + quote.getId();
        if (next == QuoteStatus.PENDING_APPROVAL) {
            for (UUID approver : approversOf(quote)) {
                notifications.notify(approver, APPROVAL_NOTIFICATION, "quote.notification.approvalRequested",
                        List.of(quote.getNumber(), quote.getCustomerName()), link);
            }
        }
        if ((action == QuoteAction.APPROVE || action == QuoteAction.REJECT_APPROVAL)
                && !quote.getOwnerId().equals(me)) {
            notifications.notify(quote.getOwnerId(), DECISION_NOTIFICATION,
                    action == QuoteAction.APPROVE ? "quote.notification.approved" : "quote.notification.rejected",
                    List.of(quote.getNumber(), quote.getApprovalRejectedReason() == null ? ""
                            : quote.getApprovalRejectedReason()), link);
        }
        return views(List.of(quote), true).get(0);
    }

    /**
     * Revises a SENT, REJECTED or EXPIRED quote: the old version becomes SUPERSEDED and a DRAFT copy with version
     * n+1 is returned. The opportunity must still accept quotes.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public QuoteView revise(UUID id, Long version, boolean versionFromIfMatch) {
        Quote old = visible(id);
        VersionConflictException.check(MODULE, id, version, old.getVersion(), versionFromIfMatch);
        opportunities.requireAcceptsNewWork(old.getOpportunityId(), OpportunityWork.QUOTE);
        Instant now = clock.instant();
        old.apply(QuoteAction.REVISE, actor(), currentUser(), null, now);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Quote copy = old.nextVersion(today, now);
        if (copy.getValidUntil() == null) {
            copy.updateHeader(copy.getContactId(), copy.getPriceListId(), today.plusDays(validityDays),
                    copy.getTerms(), now);
        }
        // the id is assigned before saving, so save merges: keep working on the managed instance it returns
        Quote next = quotes.saveAndFlush(copy);
        List<QuoteLine> copies = lines.findByQuoteIdOrderByPosition(old.getId()).stream()
                .map(l -> l.copyFor(next.getId())).toList();
        lines.saveAll(copies);
        next.recalculate(copies, approvalThreshold);
        quotes.flush();
        search.index(next);
        audit.record(AuditAction.CREATE, MODULE, next.getId(), "quoteVersion",
                String.valueOf(old.getQuoteVersion()), String.valueOf(next.getQuoteVersion()), old.getNumber());
        return views(List.of(next), true).get(0);
    }

    /**
     * Marks a quote SENT after its PDF was mailed (only a DRAFT that needs no approval, or an already SENT quote,
     * may be mailed); a SENT quote stays SENT.
     */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public QuoteView markMailed(UUID id) {
        Quote quote = visible(id);
        QuoteWorkflow.checkMailable(quote.getStatus(), quote.isApprovalRequired());
        if (quote.getStatus() == QuoteStatus.DRAFT) {
            quote.apply(QuoteAction.SEND, actor(), currentUser(), null, clock.instant());
            quotes.flush();
        }
        return views(List.of(quote), true).get(0);
    }

    /** Refuses mail for a quote in a state that may not be mailed (before the mail goes out). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "edit")
    public void checkMailable(UUID id) {
        Quote quote = visible(id);
        QuoteWorkflow.checkEditable(QuoteStatus.DRAFT, actor());
        QuoteWorkflow.checkMailable(quote.getStatus(), quote.isApprovalRequired());
    }

    // --- PDF and e-mail -----------------------------------------------------------------------------------------

    /** A rendered quote document. */
    public record QuotePdf(String filename, byte[] content) {
    }

    /** The quote as PDF in the reader's language; 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public QuotePdf pdf(UUID id) {
        QuoteView quote = views(List.of(visible(id)), true).get(0);
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        byte[] content = renderer.render(quote, quote.contactName(),
                key -> messages.getMessage(key, null, key, locale));
        return new QuotePdf(quote.number() + "-v" + quote.quoteVersion() + ".pdf", content);
    }

    /**
     * Mails the quote's PDF to a contact of its customer through the messaging module and marks a DRAFT quote
     * SENT. Refused (409) before approval when the discount needs it, and for quotes that were decided or replaced.
     * An empty subject or body is filled with the standard text in the reader's language.
     */
    @RequiresPermission(module = MODULE, action = "edit")
    public QuoteView email(UUID id, UUID contactId, String subject, String body) {
        QuotePdf pdf = transactions.execute(status -> {
            checkMailable(id);
            return pdf(id);
        });
        QuoteView quote = quote(id);
        UUID to = contactId == null ? quote.contactId() : contactId;
        ContactView contact = to == null ? null : contact(to);
        if (contact == null || !contact.customerId().equals(quote.customerId())) {
            throw BusinessRuleException.onField("contactId", "quote.contact.unknown");
        }
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Object[] arguments = {quote.number(), quote.quoteVersion(), quote.customerName(), contact.name()};
        String mailSubject = subject == null || subject.isBlank()
                ? messages.getMessage("quote.email.defaultSubject", arguments, locale) : subject;
        String mailBody = body == null || body.isBlank()
                ? messages.getMessage("quote.email.defaultBody", arguments, locale) : body;
        mail.send(new org.openloop.crm.messaging.EmailDraft(contact.id(), null, mailSubject, mailBody),
                List.of(new org.openloop.crm.messaging.MailAttachment(pdf.filename(), "application/pdf",
                        pdf.content())));
        return transactions.execute(status -> markMailed(id));
    }

    // --- the expiry job -----------------------------------------------------------------------------------------

    List<UUID> expiredBatch(LocalDate today, int size) {
        return quotes.findExpiredIds(today, PageRequest.of(0, size));
    }

    /** Expires one SENT quote past its valid-until date; false when it changed meanwhile. */
    boolean expire(UUID id, LocalDate today) {
        Quote quote = quotes.findById(id).orElse(null);
        if (quote == null || quote.getStatus() != QuoteStatus.SENT || !quote.getValidUntil().isBefore(today)) {
            return false;
        }
        quote.apply(QuoteAction.EXPIRE, QuoteWorkflow.Actor.SYSTEM, null, null, clock.instant());
        quotes.flush();
        return true;
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void write(Quote quote, QuoteDraft draft, LocalDate priceDay) {
        List<FieldProblem> problems = new ArrayList<>();
        UUID contactId = draft.contactId();
        if (contactId != null) {
            ContactView contact = contact(contactId);
            if (contact == null || !contact.customerId().equals(quote.getCustomerId())) {
                problems.add(FieldProblem.of("contactId", "quote.contact.unknown"));
            }
        }
        if (draft.priceListId() != null) {
            try {
                catalog.priceList(draft.priceListId());
            }
            catch (RecordNotFoundException e) {
                problems.add(FieldProblem.of("priceListId", "quote.priceList.unknown"));
            }
        }
        LocalDate validUntil = draft.validUntil() == null ? priceDay.plusDays(validityDays) : draft.validUntil();
        if (validUntil.isBefore(quote.getQuoteDate())) {
            problems.add(FieldProblem.of("validUntil", "quote.validUntil.beforeDate"));
        }
        Map<UUID, ProductRef> products = catalog.products(draft.lines().stream().map(QuoteLineDraft::productId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        // a product deactivated after it was quoted may stay on this quote, but is not offered anew
        Set<UUID> alreadyQuoted = lines.findByQuoteIdOrderByPosition(quote.getId()).stream()
                .map(QuoteLine::getProductId).collect(Collectors.toSet());
        List<QuoteLine> written = new ArrayList<>();
        if (draft.lines().isEmpty()) {
            problems.add(FieldProblem.of("lines", "quote.lines.required"));
        }
        for (int i = 0; i < draft.lines().size(); i++) {
            QuoteLineDraft line = draft.lines().get(i);
            String prefix = "lines[" + i + "].";
            boolean valid = true;
            if (line.quantity() == null || line.quantity().signum() <= 0 || line.quantity().scale() > 3) {
                problems.add(FieldProblem.of(prefix + "quantity", "quote.line.quantity.invalid"));
                valid = false;
            }
            if (line.unitPrice() != null && (line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2)) {
                problems.add(FieldProblem.of(prefix + "unitPrice", "quote.line.unitPrice.invalid"));
                valid = false;
            }
            if (!percent(line.discountPercent())) {
                problems.add(FieldProblem.of(prefix + "discountPercent", "quote.line.percent.invalid"));
                valid = false;
            }
            if (!percent(line.taxRate())) {
                problems.add(FieldProblem.of(prefix + "taxRate", "quote.line.percent.invalid"));
                valid = false;
            }
            ProductRef product = line.productId() == null ? null : products.get(line.productId());
            if (product == null) {
                problems.add(FieldProblem.of(prefix + "productId", "quote.line.product.unknown"));
                continue;
            }
            if (!product.active() && !alreadyQuoted.contains(product.id())) {
                problems.add(FieldProblem.of(prefix + "productId", "quote.line.product.inactive", product.code()));
                continue;
            }
            if (!valid) {
                continue;
            }
            BigDecimal unitPrice = line.unitPrice();
            if (unitPrice == null) {
                PriceQuote price = catalog.price(product.id(), draft.priceListId(), priceDay);
                unitPrice = price.price();
            }
            BigDecimal taxRate = line.taxRate() == null ? product.taxRate() : line.taxRate();
            BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
            String description = line.description() == null || line.description().isBlank() ? null
                    : line.description().trim();
            written.add(new QuoteLine(quote.getId(), i + 1, product.id(), product.code(), product.name(), description,
                    product.unit(), line.quantity(), unitPrice, discount, taxRate));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String terms = draft.terms() == null || draft.terms().isBlank() ? null : draft.terms().trim();
        quote.updateHeader(contactId, draft.priceListId(), validUntil, terms, clock.instant());
        quote.recalculate(written, approvalThreshold);
        if (quotes.existsById(quote.getId())) {
            lines.deleteByQuoteId(quote.getId());
            lines.flush();
        }
        Quote managed = quotes.saveAndFlush(quote);
        search.index(managed);
        if (managed != quote) {
            // a new quote was merged: the caller's instance must carry the stored version
            quote.syncVersion(managed.getVersion());
        }
        lines.saveAllAndFlush(written);
    }

    private static boolean percent(BigDecimal value) {
        return value == null || (value.signum() >= 0 && value.compareTo(new BigDecimal("100")) <= 0
                && value.scale() <= 2);
    }

    private Quote visible(UUID id) {
        return quotes.getVisible(id, access.currentScope(), MODULE);
    }

    private List<Quote> quotesOfOpportunity(UUID opportunityId) {
        Specification<Quote> ofOpportunity = (r, q, cb) -> cb.equal(r.get("opportunityId"), opportunityId);
        return quotes.findAll(ofOpportunity.and(access.currentScope().toSpecification()),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
    }

    private org.openloop.crm.sales.OpportunityRef opportunity(UUID id) {
        try {
            return opportunities.ref(id);
        }
        catch (RecordNotFoundException e) {
            throw new InvalidInputException(List.of(FieldProblem.of("opportunityId", "quote.opportunity.unknown")));
        }
    }

    private ContactView contact(UUID contactId) {
        if (contactId == null) {
            return null;
        }
        try {
            return customers.contact(contactId);
        }
        catch (RecordNotFoundException | org.springframework.security.access.AccessDeniedException e) {
            return null;
        }
    }

    /** Holders of quote:assign who see the quote: department-level managers first, company-wide users otherwise. */
    Set<UUID> approversOf(Quote quote) {
        Set<UUID> narrow = new HashSet<>();
        Set<UUID> wide = new HashSet<>();
        for (UUID userId : organization.activeUsers().stream().map(UserSummary::id).toList()) {
            if (!access.hasPermission(userId, MODULE, org.openloop.crm.shared.Authorities.Action.ASSIGN)) {
                continue;
            }
            DataScope scope = access.scopeOf(userId);
            if (!scope.allows(quote.getOwnerId(), quote.getDepartmentId())) {
                continue;
            }
            (scope.level() == DataScope.Level.COMPANY ? wide : narrow).add(userId);
        }
        return narrow.isEmpty() ? wide : narrow;
    }

    private static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId)
                .orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    private static QuoteWorkflow.Actor actor() {
        Set<String> authorities = new HashSet<>();
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(authorities::add);
        }
        return new QuoteWorkflow.Actor(authorities.contains("quote:edit"), authorities.contains("quote:assign"),
                false);
    }

    private static QuoteSummary summary(Quote q) {
        return new QuoteSummary(q.getId(), q.getNumber(), q.getQuoteVersion(), q.getStatus(), q.getOpportunityId(),
                q.getCustomerId(), q.getCurrency(), q.getGrandTotal());
    }

    private static List<QuoteLineView> lineViews(List<QuoteLine> items) {
        return items.stream().map(l -> new QuoteLineView(l.getId(), l.getPosition(), l.getProductId(),
                l.getProductCode(), l.getProductName(), l.getDescription(), l.getUnit(), l.getQuantity(),
                l.getUnitPrice(), l.getDiscountPercent(), l.getTaxRate(), l.getNetAmount(), l.getTaxAmount(),
                l.getTotalAmount())).toList();
    }

    private List<QuoteView> views(List<Quote> items, boolean withDetails) {
        if (items.isEmpty()) {
            return List.of();
        }
        Set<UUID> userIds = new HashSet<>();
        items.forEach(q -> {
            userIds.add(q.getOwnerId());
            if (q.getApprovedBy() != null) {
                userIds.add(q.getApprovedBy());
            }
        });
        Map<UUID, String> names = organization.names(userIds);
        Map<UUID, List<QuoteLine>> byQuote = withDetails
                ? lines.findByQuoteIdInOrderByPosition(items.stream().map(Quote::getId).toList()).stream()
                        .collect(Collectors.groupingBy(QuoteLine::getQuoteId))
                : Map.of();
        Map<UUID, String> priceLists = withDetails ? priceListNames(items) : Map.of();
        QuoteWorkflow.Actor actor = actor();
        List<QuoteView> result = new ArrayList<>();
        for (Quote q : items) {
            List<QuoteLine> quoteLines = byQuote.getOrDefault(q.getId(), List.of());
            BigDecimal gross = q.getGrossTotal();
            BigDecimal discount = gross.subtract(q.getNetTotal());
            BigDecimal percent = gross.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : discount.multiply(new BigDecimal("100")).divide(gross, 2, java.math.RoundingMode.HALF_UP);
            String contactName = null;
            if (withDetails && q.getContactId() != null) {
                ContactView contact = contact(q.getContactId());
                contactName = contact == null ? null : contact.name();
            }
            result.add(new QuoteView(q.getId(), q.getNumber(), q.getQuoteVersion(), q.getStatus(),
                    q.getOpportunityId(), q.getOpportunityName(), q.getCustomerId(), q.getCustomerName(),
                    q.getContactId(), contactName, q.getPriceListId(),
                    q.getPriceListId() == null ? null : priceLists.get(q.getPriceListId()),
                    q.getCurrency(), q.getQuoteDate(), q.getValidUntil(), q.getTerms(), lineViews(quoteLines), gross,
                    discount, percent, q.getNetTotal(), q.getTaxTotal(), q.getGrandTotal(), q.isApprovalRequired(),
                    q.getApprovedBy(), q.getApprovedBy() == null ? null : names.get(q.getApprovedBy()),
                    q.getApprovedAt(), q.getApprovalRejectedReason(), q.getSentAt(), q.getDecidedAt(),
                    q.getOwnerId(), names.get(q.getOwnerId()), q.getDepartmentId(), q.getCreatedAt(),
                    q.getUpdatedAt(), q.getVersion(),
                    QuoteWorkflow.allowed(q.getStatus(), actor, q.isApprovalRequired()),
                    q.getStatus() == QuoteStatus.DRAFT && actor.editor()));
        }
        return result;
    }

    private Map<UUID, String> priceListNames(Collection<Quote> items) {
        if (items.stream().allMatch(q -> q.getPriceListId() == null)) {
            return Map.of();
        }
        try {
            return catalog.allPriceLists().stream().collect(Collectors.toMap(PriceListView::id, PriceListView::name));
        }
        catch (org.springframework.security.access.AccessDeniedException e) {
            return Map.of();
        }
    }
}
