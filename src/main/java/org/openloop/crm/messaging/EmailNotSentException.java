package org.openloop.crm.messaging;

/**
 * The mail server did not take a mail. The mail is stored with status {@code FAILED} and its reason; the API
 * answers 503 with the stored mail's id, the form shows the reason.
 */
public class EmailNotSentException extends RuntimeException {

    private final transient EmailView mail;

    public EmailNotSentException(EmailView mail) {
        super(mail.failureReason());
        this.mail = mail;
    }

    public EmailView mail() {
        return mail;
    }
}
