package org.openloop.crm.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.openloop.crm.customer.ContactDirectory;
import org.openloop.crm.customer.ContactDirectory.ContactAddress;
import org.openloop.crm.messaging.internal.EmailMessage;
import org.openloop.crm.messaging.internal.EmailMessages;
import org.openloop.crm.messaging.internal.InboundMailParser;
import org.openloop.crm.messaging.internal.InboundMailParser.ParsedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reads the inbound mailbox ({@code crm.mail.inbound.*}, off while the host is empty) and logs each new mail on the
 * customer of the contact who sent it — or, failing that, of a contact it was sent to; mail from unknown addresses
 * waits in the review list (C3). The folder is opened read-only and every mail is remembered by its Message-ID, so a
 * rerun or a second instance logs nothing twice; ShedLock keeps the instances of a cluster from polling at once.
 * Each run looks at the newest {@code max-per-run} mails.
 */
@Component
class InboundMailJob {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailJob.class);

    /** Where to read mail from. */
    record Mailbox(String host, int port, String username, String password, String protocol, String folder) {

        boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    private final EmailMessages mails;
    private final ContactDirectory directory;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Mailbox configured;
    private final int maxPerRun;
    private final long maxBytes;

    InboundMailJob(EmailMessages mails, ContactDirectory directory, TransactionTemplate transactions, Clock clock,
            @Value("${crm.mail.inbound.host:}") String host, @Value("${crm.mail.inbound.port:993}") int port,
            @Value("${crm.mail.inbound.username:}") String username,
            @Value("${crm.mail.inbound.password:}") String password,
            @Value("${crm.mail.inbound.protocol:imaps}") String protocol,
            @Value("${crm.mail.inbound.folder:INBOX}") String folder,
            @Value("${crm.mail.inbound.max-per-run:200}") int maxPerRun,
            @Value("${crm.mail.inbound.max-size:10485760}") long maxBytes) {
        this.mails = mails;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
        if (!protocol.equals("imap") && !protocol.equals("imaps")) {
            throw new IllegalArgumentException("crm.mail.inbound.protocol must be imap or imaps, not " + protocol);
        }
        this.configured = new Mailbox(host, port, username, password, protocol, folder);
        this.maxPerRun = maxPerRun;
        this.maxBytes = maxBytes;
    }

    @Scheduled(fixedDelayString = "${crm.mail.inbound.interval:PT2M}",
            initialDelayString = "${crm.mail.inbound.initial-delay:PT1M}")
    @SchedulerLock(name = "inbound-mail", lockAtMostFor = "PT10M")
    public void run() {
        if (!configured.configured()) {
            return;
        }
        try {
            Result result = poll(configured);
            if (result.logged() + result.review() > 0) {
                LOG.info("Inbound mail: {} logged, {} for review", result.logged(), result.review());
            }
        } catch (MessagingException e) {
            LOG.warn("Inbound mailbox {}@{} not read: {}", configured.username(), configured.host(), e.getMessage());
        }
    }

    record Result(int logged, int review) {
    }

    Result poll(Mailbox mailbox) throws MessagingException {
        Properties properties = new Properties();
        String p = mailbox.protocol();
        properties.put("mail." + p + ".connectiontimeout", "10000");
        properties.put("mail." + p + ".timeout", "30000");
        properties.put("mail." + p + ".writetimeout", "30000");
        Session session = Session.getInstance(properties);
        int logged = 0;
        int review = 0;
        try (Store store = session.getStore(p)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_ONLY);
            try {
                int count = folder.getMessageCount();
                if (count == 0) {
                    return new Result(0, 0);
                }
                Message[] messages = folder.getMessages(Math.max(1, count - maxPerRun + 1), count);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.SIZE);
                folder.fetch(messages, profile);
                String own = mailbox.username() == null ? "" : mailbox.username().toLowerCase(Locale.ROOT);
                for (Message message : messages) {
                    ParsedMail parsed;
                    try {
                        parsed = InboundMailParser.parse(message, maxBytes, clock.instant());
                    } catch (MessagingException | RuntimeException e) {
                        LOG.warn("Inbound mail #{} unreadable: {}", message.getMessageNumber(), e.getMessage());
                        continue;
                    }
                    EmailStatus status = transactions.execute(tx -> store(parsed, own));
                    if (status == EmailStatus.LOGGED) {
                        logged++;
                    }
                    else if (status == EmailStatus.REVIEW) {
                        review++;
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        return new Result(logged, review);
    }

    /** Stores one mail unless its Message-ID is known; returns its status, or {@code null} when it was known. */
    private EmailStatus store(ParsedMail parsed, String ownAddress) {
        if (mails.existsByMessageId(parsed.messageId())) {
            return null;
        }
        String body = parsed.body() == null ? "" : parsed.body();
        EmailMessage mail = EmailMessage.incoming(parsed.messageId(), parsed.from(),
                cut(String.join(", ", parsed.recipients()), 2000), parsed.subject(), body, parsed.sentAt());
        List<String> candidates = new ArrayList<>();
        candidates.add(parsed.from());
        Set<String> seen = new HashSet<>(candidates);
        for (String recipient : parsed.recipients()) {
            if (!recipient.equals(ownAddress) && seen.add(recipient)) {
                candidates.add(recipient);
            }
        }
        for (String address : candidates) {
            List<ContactAddress> matches = directory.matchEmail(address);
            if (!matches.isEmpty()) {
                ContactAddress contact = matches.get(0);
                mail.logOn(contact.customerId(), contact.contactId(), contact.customerOwnerId(),
                        contact.customerDepartmentId());
                break;
            }
        }
        mails.saveAndFlush(mail);
        return mail.getStatus();
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
