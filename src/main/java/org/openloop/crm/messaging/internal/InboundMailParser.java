package org.openloop.crm.messaging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads what the CRM keeps of a received mail: Message-ID, sender, recipients, subject, date and a plain-text body.
 * The text part is preferred; an HTML-only mail is reduced to its text (it is never rendered). Attachments are
 * skipped, nesting and part counts are bounded, and a mail larger than the limit keeps its headers only.
 */
public final class InboundMailParser {

    /** The parts of a received mail the CRM keeps. {@code body} is {@code null} when the mail was too large. */
    public record ParsedMail(String messageId, String from, List<String> recipients, String subject, String body,
            Instant sentAt) {
    }

    public static final int MAX_BODY = 100_000;
    private static final int MAX_DEPTH = 5;
    private static final int MAX_PARTS = 50;
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/tr|/h[1-6])[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private InboundMailParser() {
    }

    public static ParsedMail parse(Message message, long maxBytes, Instant now) throws MessagingException {
        String from = null;
        Address[] senders = message.getFrom();
        if (senders != null) {
            for (Address a : senders) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    from = ia.getAddress().strip().toLowerCase(Locale.ROOT);
                    break;
                }
            }
        }
        List<String> recipients = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] addresses = message.getRecipients(type);
            if (addresses != null) {
                for (Address a : addresses) {
                    if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                        recipients.add(ia.getAddress().strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        String subject = message.getSubject() == null ? "" : message.getSubject().replaceAll("[\\r\\n\\t]+", " ")
                .strip();
        subject = cut(subject, 500);
        Instant sentAt = message.getSentDate() != null ? message.getSentDate().toInstant()
                : message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : now;
        String body = null;
        if (message.getSize() <= maxBytes) {
            try {
                Text text = new Text();
                collect(message, 0, text);
                body = text.plain != null ? text.plain : text.html != null ? htmlToText(text.html) : "";
                body = cut(body.replace("\r\n", "\n").strip(), MAX_BODY);
            } catch (IOException | MessagingException | RuntimeException e) {
                body = null;
            }
        }
        String messageId = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        if (messageId == null || messageId.isBlank() || messageId.length() > 500) {
            messageId = synthesisedId(from, recipients, subject, sentAt);
        }
        return new ParsedMail(messageId.strip(), from == null ? "" : cut(from, 320), recipients, subject, body,
                sentAt);
    }

    private static final class Text {
        String plain;
        String html;
        int parts;
    }

    private static void collect(Part part, int depth, Text text) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || ++text.parts > MAX_PARTS || text.plain != null) {
            return;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount() && i < MAX_PARTS; i++) {
                collect(multipart.getBodyPart(i), depth + 1, text);
            }
        }
        else if (part.isMimeType("text/plain")) {
            text.plain = cut(String.valueOf(part.getContent()), MAX_BODY);
        }
        else if (part.isMimeType("text/html") && text.html == null) {
            text.html = cut(String.valueOf(part.getContent()), MAX_BODY * 4);
        }
    }

    /** The text of an HTML body, for storing as plain text: scripts and styles dropped, tags removed. */
    public static String htmlToText(String html) {
        String text = SCRIPT.matcher(html).replaceAll(" ");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+", " ").replaceAll("(?m)^ | $", "").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String synthesisedId(String from, List<String> recipients, String subject, Instant sentAt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((from + "|" + recipients + "|" + subject + "|"
                    + sentAt).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@no-message-id.openloop>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
