package org.openloop.crm.customfield.web;

import java.util.Arrays;
import java.util.UUID;

import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFieldType;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.Permissions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' settings page for custom fields (B11): list per record type, create, edit, order, deactivate. */
@Controller
class CustomFieldPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    private final CustomFields fields;
    private final MessageSource messages;

    CustomFieldPages(CustomFields fields, MessageSource messages) {
        this.fields = fields;
        this.messages = messages;
    }

    @GetMapping("/settings/custom-fields")
    String list(@RequestParam(required = false) String recordType, Model model) {
        Permissions.require("organization", "edit");
        String type = recordType == null || !fields.recordTypes().contains(recordType) ? fields.recordTypes().get(0)
                : recordType;
        model.addAttribute("recordTypes", fields.recordTypes());
        model.addAttribute("recordType", type);
        model.addAttribute("fields", fields.definitionsForReader(type, true));
        return "customfield/settings";
    }

    @GetMapping("/settings/custom-fields/new")
    String createForm(@RequestParam(defaultValue = "customer") String recordType, Model model) {
        Permissions.require("organization", "edit");
        CustomFieldForm form = new CustomFieldForm();
        form.setRecordType(fields.recordTypes().contains(recordType) ? recordType : fields.recordTypes().get(0));
        return form(form, null, model);
    }

    @PostMapping("/settings/custom-fields/new")
    String create(@Validated @ModelAttribute("form") CustomFieldForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Permissions.require("organization", "edit");
        return FormErrors.save(result, () -> {
            CustomFieldDefinition created = fields.create(form.toDraft());
            redirect.addFlashAttribute("flashSuccess", message("customfield.settings.created", label(created)));
            return "redirect:/settings/custom-fields?recordType=" + created.recordType();
        }, () -> form(form, null, model));
    }

    @GetMapping("/settings/custom-fields/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Permissions.require("organization", "edit");
        CustomFieldDefinition field = fields.definition(id);
        return form(CustomFieldForm.of(field), field, model);
    }

    @PostMapping("/settings/custom-fields/{id}/edit")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") CustomFieldForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Permissions.require("organization", "edit");
        CustomFieldDefinition field = fields.definition(id);
        form.setRecordType(field.recordType());
        return FormErrors.save(result, () -> {
            CustomFieldDefinition saved = fields.update(id, form.toDraft(), false);
            redirect.addFlashAttribute("flashSuccess", message("customfield.settings.saved", label(saved)));
            return "redirect:/settings/custom-fields?recordType=" + saved.recordType();
        }, () -> form(form, field, model));
    }

    @PostMapping("/settings/custom-fields/{id}/{change:activate|deactivate}")
    String setActive(@PathVariable UUID id, @PathVariable String change, RedirectAttributes redirect) {
        boolean active = "activate".equals(change);
        CustomFieldDefinition field = fields.setActive(id, active);
        redirect.addFlashAttribute("flashSuccess", message(active ? "customfield.settings.activated"
                : "customfield.settings.deactivated", label(field)));
        return "redirect:/settings/custom-fields?recordType=" + field.recordType();
    }

    @PostMapping("/settings/custom-fields/{id}/move")
    String move(@PathVariable UUID id, @RequestParam int direction) {
        fields.move(id, direction);
        return "redirect:/settings/custom-fields?recordType=" + fields.definition(id).recordType();
    }

    private String form(CustomFieldForm form, CustomFieldDefinition field, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("field", field);
        model.addAttribute("types", Arrays.stream(CustomFieldType.values())
                .map(t -> new Option(t.name(), message("customfield.type." + t.name()))).toList());
        return "customfield/field-form";
    }

    private static String label(CustomFieldDefinition field) {
        return field.label(LocaleContextHolder.getLocale());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

}
