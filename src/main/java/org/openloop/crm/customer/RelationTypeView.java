package org.openloop.crm.customer;

import java.util.Locale;
import java.util.UUID;

/** A kind of customer relation (B4), with its names in Chinese and English. */
public record RelationTypeView(UUID id, String code, String nameZh, String nameEn, String fromRoleZh,
        String fromRoleEn, String toRoleZh, String toRoleEn, boolean hierarchical, boolean builtIn) {

    public String name(Locale locale) {
        return chinese(locale) ? nameZh : nameEn;
    }

    /** The parent or master side, e.g. 母公司. */
    public String fromRole(Locale locale) {
        return chinese(locale) ? fromRoleZh : fromRoleEn;
    }

    /** The subsidiary or distributor side, e.g. 子公司. */
    public String toRole(Locale locale) {
        return chinese(locale) ? toRoleZh : toRoleEn;
    }

    private static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
