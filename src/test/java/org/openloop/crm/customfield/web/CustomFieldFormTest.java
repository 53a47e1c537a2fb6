package org.openloop.crm.customfield.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.customfield.CustomFieldDraft;
import org.openloop.crm.customfield.CustomFieldType;

class CustomFieldFormTest {

    @Test
    @DisplayName("B11: option lines are value|中文|English or 中文|English; blank lines are skipped")
    void parsesOptionLines() {
        CustomFieldForm form = new CustomFieldForm();
        form.setLabelZh("阶段");
        form.setLabelEn("Stage");
        form.setType(CustomFieldType.SINGLE_SELECT);
        form.setOptions("visit|拜访|Visit\r\n\n 报价 | Offer \n试用");
        CustomFieldDraft draft = form.toDraft();
        assertThat(draft.options()).containsExactly(new CustomFieldDraft.Option("visit", "拜访", "Visit"),
                new CustomFieldDraft.Option(null, "报价", "Offer"), new CustomFieldDraft.Option(null, "试用", "试用"));
        assertThat(draft.recordType()).isEqualTo("customer");
    }
}
