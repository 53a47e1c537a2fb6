package org.openloop.crm.customer.internal;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Fills the duplicate-detection key of customers stored before it existed (B6); a no-op afterwards. */
@Component
@Order(15)
class CustomerNameKeys implements ApplicationRunner {

    private final Customers customers;
    private final TransactionTemplate transactions;

    CustomerNameKeys(Customers customers, TransactionTemplate transactions) {
        this.customers = customers;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer done;
        do {
            done = transactions.execute(status -> {
                List<Customer> batch = customers.findByNameKeyIsNull(PageRequest.of(0, 500));
                batch.forEach(Customer::fillNameKey);
                return batch.size();
            });
        }
        while (done != null && done == 500);
    }
}
