package org.openloop.crm.organization.web;

/** One option of a select or checkbox group, as the form and list fragments expect it. */
record Option(String value, String label) {
}
