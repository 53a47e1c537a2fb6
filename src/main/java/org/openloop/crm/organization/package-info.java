/**
 * Organisation and access (A1–A3, A5): users, the department tree, roles with module permissions and a data scope.
 * Other modules ask {@link org.openloop.crm.organization.AccessControl} for the current user's
 * {@link org.openloop.crm.shared.DataScope} and for assignment checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.openloop.crm.organization;
