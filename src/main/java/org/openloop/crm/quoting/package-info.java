/**
 * Quotes (F5, 报价单) made from an opportunity: lines priced from the catalogue and a price list, discounts and tax
 * computed to the cent by one pure class ({@code internal/QuoteArithmetic}), the workflow DRAFT → (PENDING_APPROVAL →)
 * SENT → ACCEPTED / REJECTED / EXPIRED in one pure class ({@code internal/QuoteWorkflow}), versions (revising a sent
 * quote makes version n+1 and supersedes the old one), discount approval by sales managers, a PDF with an embedded
 * Chinese font and e-mail of that PDF to a contact. Quotes are owned records (owner and department, data scope);
 * the {@code contract} module reads accepted quotes through {@link org.openloop.crm.quoting.QuoteManagement}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quotes")
package org.openloop.crm.quoting;
