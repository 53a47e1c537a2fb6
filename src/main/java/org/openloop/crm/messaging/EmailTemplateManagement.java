package org.openloop.crm.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.messaging.internal.EmailTemplate;
import org.openloop.crm.messaging.internal.EmailTemplates;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail templates (C3): administrators keep them, everyone who may send mail picks from them. Names are unique;
 * the body is plain text with the variables of {@link MailTemplates}.
 */
@Service
public class EmailTemplateManagement {

    private final EmailTemplates templates;
    private final Clock clock;

    EmailTemplateManagement(EmailTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = EmailManagement.MODULE, action = "view")
    public List<TemplateView> templates() {
        return templates.findAllByOrderByNameAsc().stream().map(EmailTemplateManagement::view).toList();
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = EmailManagement.MODULE, action = "view")
    public TemplateView template(UUID id) {
        return view(find(id));
    }

    @Transactional
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    public TemplateView create(TemplateDraft draft) {
        EmailTemplate template = new EmailTemplate(clock.instant());
        apply(template, draft);
        templates.saveAndFlush(template);
        return view(template);
    }

    @Transactional
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    public TemplateView update(UUID id, TemplateDraft draft, boolean versionFromIfMatch) {
        EmailTemplate template = find(id);
        VersionConflictException.check("emailTemplate", id, draft.version(), template.getVersion(),
                versionFromIfMatch);
        apply(template, draft);
        templates.flush();
        return view(template);
    }

    @Transactional
    @PreAuthorize("hasAuthority('ROLE_ADMIN')")
    public void delete(UUID id) {
        templates.delete(find(id));
    }

    private void apply(EmailTemplate template, TemplateDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        String subject = draft.subject() == null ? "" : draft.subject().replaceAll("[\\r\\n]+", " ").strip();
        String body = draft.body() == null ? "" : draft.body();
        if (name.isEmpty() || name.length() > 100) {
            throw BusinessRuleException.onField("name", "email.template.name.invalid", 100);
        }
        if (subject.isEmpty() || subject.length() > EmailManagement.MAX_SUBJECT) {
            throw BusinessRuleException.onField("subject", "email.subject.invalid", EmailManagement.MAX_SUBJECT);
        }
        if (body.isBlank() || body.length() > EmailManagement.MAX_BODY) {
            throw BusinessRuleException.onField("body", "email.body.invalid", EmailManagement.MAX_BODY);
        }
        templates.findByName(name).filter(other -> !other.getId().equals(template.getId())).ifPresent(other -> {
            throw BusinessRuleException.conflict("name", "email.template.name.taken", name);
        });
        template.update(name, subject, body, clock.instant());
    }

    private EmailTemplate find(UUID id) {
        return templates.findById(id).orElseThrow(() -> new RecordNotFoundException("emailTemplate", id));
    }

    private static TemplateView view(EmailTemplate t) {
        return new TemplateView(t.getId(), t.getName(), t.getSubject(), t.getBody(), t.getUpdatedAt(),
                t.getVersion());
    }
}
