package org.openloop.crm.marketing;

/** What a visitor of a public web-to-lead form sees of its campaign: its name only. */
public record PublicForm(String campaignName) {
}
