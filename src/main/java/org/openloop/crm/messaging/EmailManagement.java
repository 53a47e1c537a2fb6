package org.openloop.crm.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.customer.ContactDirectory;
import org.openloop.crm.customer.ContactDirectory.ContactAddress;
import org.openloop.crm.customer.CustomerManagement;
import org.openloop.crm.customer.CustomerView;
import org.openloop.crm.messaging.internal.EmailMessage;
import org.openloop.crm.messaging.internal.EmailMessages;
import org.openloop.crm.messaging.internal.EmailTemplate;
import org.openloop.crm.messaging.internal.EmailTemplates;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.SensitiveData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail to contacts (C3). {@link #send} hands the mail to the SMTP server ({@code spring.mail.*}) synchronously and
 * stores it in the same transaction as {@code SENT}, or as {@code FAILED} with the server's reason — then throws
 * {@link EmailNotSentException} — so a mail is never stored without saying whether it went out. Mail is visible to
 * the sender's data scope (owner = sender, department = the sender's); received mail to the scope of the customer's
 * owner at the time it was logged; mail waiting for review has no owner and is seen by company-wide users only.
 * Permissions are those of the {@code activity} module.
 */
@Service
public class EmailManagement {

    static final String MODULE = "activity";
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 20_000;

    static final ListQuery<EmailMessage> REVIEW_QUERY = ListQuery.of(EmailMessage.class)
            .sortable("occurredAt", Instant.class)
            .filter("status", EmailStatus.class, Match.EQUALS)
            .searchable("subject")
            .defaultSort("-occurredAt")
            .build();

    private static final Logger LOG = LoggerFactory.getLogger(EmailManagement.class);

    private final EmailMessages mails;
    private final EmailTemplates templates;
    private final ContactDirectory directory;
    private final CustomerManagement customers;
    private final AccessControl access;
    private final OrganizationManagement organization;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;

    EmailManagement(EmailMessages mails, EmailTemplates templates, ContactDirectory directory,
            CustomerManagement customers, AccessControl access, OrganizationManagement organization,
            ObjectProvider<JavaMailSender> mailSender, TransactionTemplate transactions, Clock clock,
            @Value("${crm.mail.from:crm@localhost}") String from) {
        this.mails = mails;
        this.templates = templates;
        this.directory = directory;
        this.customers = customers;
        this.access = access;
        this.organization = organization;
        this.mailSender = mailSender;
        this.transactions = transactions;
        this.clock = clock;
        this.from = from;
    }

    /**
     * Sends a mail to a contact the caller may see (404 otherwise) and logs it on the contact's customer. Throws
     * {@link EmailNotSentException} after storing the mail as {@code FAILED} when the mail server refused it.
     */
    @RequiresPermission(module = MODULE, action = "create")
    public EmailView send(EmailDraft draft) {
        return send(draft, List.of());
    }

    /**
     * {@link #send(EmailDraft)} with files attached (a multipart mail; the stored mail records the text only). Used
     * by modules that mail documents they render, such as quote PDFs.
     */
    @RequiresPermission(module = MODULE, action = "create")
    public EmailView send(EmailDraft draft, List<MailAttachment> attachments) {
        List<MailAttachment> files = attachments == null ? List.of() : List.copyOf(attachments);
        EmailView sent = transactions.execute(status -> attempt(draft, files));
        if (sent.status() == EmailStatus.FAILED) {
            throw new EmailNotSentException(sent);
        }
        return sent;
    }

    /** The subject and body a draft would have for a contact: template applied and variables replaced. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "create")
    public EmailDraft preview(EmailDraft draft) {
        ContactAddress contact = directory.visible(draft.contactId());
        return render(draft, contact, currentUser());
    }

    /** A mail the caller may see; 404 otherwise. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public EmailView mail(UUID id) {
        return view(visible(id));
    }

    /** Received mail nobody's address matched, for a reviewer to assign or discard. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<EmailView> review(ListRequest request) {
        Specification<EmailMessage> waiting = (root, query, cb) -> cb.equal(root.get("status"), EmailStatus.REVIEW);
        CursorPage<EmailMessage> page = REVIEW_QUERY.page(mails, request,
                waiting.and(access.currentScope().toSpecification()));
        return page.map(this::view);
    }

    /** Logs a mail waiting for review on a customer the caller may see. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public EmailView assign(UUID id, UUID customerId) {
        EmailMessage mail = waiting(id);
        if (customerId == null) {
            throw BusinessRuleException.onField("customerId", "email.review.customerRequired");
        }
        CustomerView customer = customers.customer(customerId);
        UUID contactId = directory.matchEmail(mail.getFromAddress()).stream()
                .filter(c -> c.customerId().equals(customerId)).map(ContactAddress::contactId).findFirst()
                .orElse(null);
        mail.logOn(customer.id(), contactId, customer.ownerId(), customer.departmentId());
        mails.flush();
        return view(mail);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public EmailView discard(UUID id) {
        EmailMessage mail = waiting(id);
        mail.discard();
        mails.flush();
        return view(mail);
    }

    // --- sending -----------------------------------------------------------------------------------------------

    private EmailView attempt(EmailDraft draft, List<MailAttachment> attachments) {
        if (draft.contactId() == null) {
            throw BusinessRuleException.onField("contactId", "email.contact.required");
        }
        ContactAddress contact = directory.visible(draft.contactId());
        if (contact.email() == null || contact.email().isBlank()) {
            throw BusinessRuleException.onField("contactId", "email.contact.noAddress");
        }
        UUID sender = currentUser();
        EmailDraft rendered = render(draft, contact, sender);
        String subject = rendered.subject() == null ? "" : rendered.subject().replaceAll("[\\r\\n]+", " ").strip();
        String body = rendered.body() == null ? "" : rendered.body();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            throw BusinessRuleException.onField("subject", "email.subject.invalid", MAX_SUBJECT);
        }
        if (body.isBlank() || body.length() > MAX_BODY) {
            throw BusinessRuleException.onField("body", "email.body.invalid", MAX_BODY);
        }
        String to = contact.email().strip();
        EmailMessage mail = EmailMessage.outgoing(null, from, to, subject, body, sender, access.departmentOf(sender),
                contact.customerId(), contact.contactId(), clock.instant());
        JavaMailSender smtp = mailSender.getIfAvailable();
        if (smtp == null) {
            mail.failed("No mail server is configured (spring.mail.host).");
        }
        else {
            try {
                MimeMessage message = smtp.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
                helper.setFrom(from);
                helper.setTo(to);
                organization.emailOf(sender).ifPresent(replyTo -> {
                    try {
                        helper.setReplyTo(replyTo);
                    } catch (MessagingException e) {
                        LOG.debug("Reply-To {} refused", replyTo, e);
                    }
                });
                helper.setSubject(subject);
                helper.setText(body, false);
                for (MailAttachment file : attachments) {
                    helper.addAttachment(file.filename(),
                            new org.springframework.core.io.ByteArrayResource(file.content()), file.contentType());
                }
                smtp.send(message);
                mail.sent(message.getMessageID());
            } catch (MailException | MessagingException e) {
                LOG.warn("Mail to contact {} not sent: {}", contact.contactId(), e.getMessage());
                mail.failed(reason(e));
            }
        }
        mails.saveAndFlush(mail);
        return view(mail);
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return e == cause ? message : e.getClass().getSimpleName() + ": " + message;
    }

    private EmailDraft render(EmailDraft draft, ContactAddress contact, UUID sender) {
        String subject = draft.subject();
        String body = draft.body();
        if (draft.templateId() != null) {
            EmailTemplate template = templates.findById(draft.templateId())
                    .orElseThrow(() -> BusinessRuleException.onField("templateId", "email.template.unknown"));
            subject = subject == null || subject.isBlank() ? template.getSubject() : subject;
            body = body == null || body.isBlank() ? template.getBody() : body;
        }
        Map<String, String> values = new HashMap<>();
        values.put("contact.name", contact.contactName());
        values.put("contact.title", contact.title() == null ? "" : contact.title());
        values.put("customer.name", contact.customerName());
        values.put("user.name", organization.names(Set.of(sender)).getOrDefault(sender, ""));
        return new EmailDraft(draft.contactId(), draft.templateId(), MailTemplates.render(subject, values),
                MailTemplates.render(body, values));
    }

    // --- reading -----------------------------------------------------------------------------------------------

    private EmailMessage visible(UUID id) {
        return mails.getVisible(id, access.currentScope(), "email");
    }

    private EmailMessage waiting(UUID id) {
        EmailMessage mail = visible(id);
        if (mail.getStatus() != EmailStatus.REVIEW) {
            throw BusinessRuleException.conflict(null, "email.review.done");
        }
        return mail;
    }

    private EmailView view(EmailMessage m) {
        String senderName = m.getSenderId() == null ? null
                : organization.names(List.of(m.getSenderId())).get(m.getSenderId());
        return SensitiveData.mask(new EmailView(m.getId(), m.getDirection(), m.getStatus(), m.getFromAddress(),
                m.getToAddress(), m.getSubject(), m.getBody(), m.getFailureReason(), m.getOccurredAt(),
                m.getSenderId(), senderName, m.getCustomerId(), m.getContactId()));
    }

    static UUID currentUser() {
        return CrmPrincipal.current().map(CrmPrincipal::userId).orElseThrow(() -> new RecordNotFoundException("user", null));
    }
}
