package org.openloop.crm.activity;

/** How an interaction happened (C1); labels are {@code interaction.channel.<NAME>}. */
public enum InteractionChannel {
    PHONE, VISIT, MEETING, EMAIL, WECHAT, OTHER
}
