/**
 * Web plumbing shared by every module's pages and API: error handling, layout model, and the helpers page
 * controllers use ({@link org.openloop.crm.platform.web.Permissions}, {@link org.openloop.crm.platform.web.FormErrors},
 * {@link org.openloop.crm.platform.web.ListLinks}, {@link org.openloop.crm.platform.web.DisplayTimes}).
 */
@org.springframework.modulith.NamedInterface("web")
package org.openloop.crm.platform.web;
