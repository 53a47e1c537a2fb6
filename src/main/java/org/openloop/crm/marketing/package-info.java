/**
 * Marketing (J1, J2): campaigns (市场活动) with their status workflow, budget and cost, a target segment saved as
 * customer list filters, members and their responses, the leads a campaign captured, its return on investment from
 * the opportunities linked to it in sales, and the public web-to-lead form that creates target customers in the pool.
 * Campaigns are owned records (data scope A3); nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Marketing")
package org.openloop.crm.marketing;
