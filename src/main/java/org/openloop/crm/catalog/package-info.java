/**
 * Product and service catalogue (F4, 产品/服务字典): products and services with code, category, unit, list price,
 * currency and tax rate, and price lists (价格体系 such as 经销商价, VIP价) with a validity period and a price per
 * product. The catalogue is company-wide reference data, not owned records: everyone with {@code product:view} reads
 * it, {@code product:create/edit/delete} changes it. {@link org.openloop.crm.catalog.CatalogManagement#price} answers
 * the price of a product on a day: the price list's price while the list is active and valid, else the list price.
 * Modules that use products declare it through {@link org.openloop.crm.catalog.ProductUsage}, so a used product can
 * be deactivated but not deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package org.openloop.crm.catalog;
