/**
 * Contracts and orders (F6) made from accepted quotes, their planned instalments and received payments (F7), and a
 * customer's transaction history (B10). A contract copies the quote's lines and totals, wins the quote's opportunity
 * when it is made, and closes that opportunity once it is fully paid and shipped. Contracts, instalments and payments
 * are owned records (the contract's creator and department), read within the caller's data scope; amounts and terms
 * are sensitive.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contracts")
package org.openloop.crm.contract;
