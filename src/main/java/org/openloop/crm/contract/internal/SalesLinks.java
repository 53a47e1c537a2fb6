package org.openloop.crm.contract.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openloop.crm.quoting.AcceptedQuote;
import org.openloop.crm.quoting.QuoteManagement;
import org.openloop.crm.quoting.QuoteStatus;
import org.openloop.crm.quoting.QuoteSummary;
import org.openloop.crm.sales.OpportunityManagement;
import org.openloop.crm.sales.OpportunityRef;
import org.openloop.crm.sales.OpportunityWork;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The contract module's view of quotes and opportunities: an accepted quote as a contract's content, and the
 * opportunity's steps a contract drives (won when made, closed when fulfilled).
 */
@Component
public class SalesLinks {

    private final OpportunityManagement opportunities;
    private final QuoteManagement quotes;

    SalesLinks(OpportunityManagement opportunities, QuoteManagement quotes) {
        this.opportunities = opportunities;
        this.quotes = quotes;
    }

    /** The accepted quote in the caller's scope as the content of a contract (409 when not accepted). */
    public Contract.Quoted acceptedQuote(UUID quoteId) {
        AcceptedQuote quote;
        try {
            quote = quotes.acceptedQuote(quoteId);
        }
        catch (RecordNotFoundException e) {
            throw BusinessRuleException.onField("quoteId", "contract.quote.unknown");
        }
        List<ContractLine> lines = quote.lines().stream()
                .map(l -> new ContractLine(l.position(), l.productId(), l.productCode(), l.productName(),
                        l.description(), l.unit(), l.quantity(), l.unitPrice(), l.discountPercent(), l.taxRate(),
                        l.netAmount(), l.taxAmount(), l.totalAmount()))
                .toList();
        String number = quote.version() > 1 ? quote.number() + " v" + quote.version() : quote.number();
        return new Contract.Quoted(quote.quoteId(), number, quote.opportunityId(), quote.customerId(),
                quote.currency(), lines, quote.netTotal(), quote.taxTotal(), quote.grandTotal());
    }

    /** Refuses (409) when the opportunity accepts no new contract. */
    public void requireAcceptsContract(UUID opportunityId) {
        opportunities.requireAcceptsNewWork(opportunityId, OpportunityWork.CONTRACT);
    }

    /** An open opportunity becomes won (a won one stays). */
    public void markWon(UUID opportunityId) {
        opportunities.markWonByContract(opportunityId);
    }

    /** A won opportunity becomes closed (a closed one stays). */
    public void closeFulfilled(UUID opportunityId) {
        opportunities.closeFulfilled(opportunityId);
    }

    /** The opportunity if the caller may see it. */
    public Optional<OpportunityRef> opportunity(UUID opportunityId) {
        try {
            return Optional.of(opportunities.ref(opportunityId));
        }
        catch (RecordNotFoundException | AccessDeniedException e) {
            return Optional.empty();
        }
    }

    /** The accepted quote of a demo opportunity, for demo data (the caller must see it). */
    public Optional<UUID> demoAcceptedQuote(String opportunityName) {
        return opportunities.demoOpportunityNamed(opportunityName)
                .flatMap(o -> quotes.quotesOf(o.id()).stream().filter(q -> q.status() == QuoteStatus.ACCEPTED)
                        .map(QuoteSummary::id).findFirst());
    }
}
