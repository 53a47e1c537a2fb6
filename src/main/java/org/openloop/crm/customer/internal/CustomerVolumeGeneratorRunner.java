package org.openloop.crm.customer.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs {@link CustomerVolumeGenerator} once the application has started (after every module's demo data and the
 * start-up search index), then stops the application with exit code 0, or 1 when generating failed. Only with the
 * {@code generate} profile:
 * {@code mvn spring-boot:run -Dspring-boot.run.profiles=generate -Dspring-boot.run.arguments="--crm.generate.customers=1000000 …"}.
 */
@Component
@Profile("generate")
@Order(1000)
class CustomerVolumeGeneratorRunner implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerVolumeGeneratorRunner.class);

    private final CustomerVolumeGenerator generator;
    private final ConfigurableApplicationContext context;
    private final int customers;
    private final int chunk;
    private final long seed;
    private final boolean exit;
    private final boolean index;
    private final boolean indexExisting;
    private final java.util.List<org.openloop.crm.search.SearchSource> sources;

    CustomerVolumeGeneratorRunner(CustomerVolumeGenerator generator, ConfigurableApplicationContext context,
            java.util.List<org.openloop.crm.search.SearchSource> sources,
            @Value("${crm.generate.customers:1000}") int customers,
            @Value("${crm.generate.chunk:2000}") int chunk,
            @Value("${crm.generate.seed:20261128}") long seed,
            @Value("${crm.generate.exit:true}") boolean exit,
            @Value("${crm.generate.index:true}") boolean index,
            @Value("${crm.generate.index-existing:false}") boolean indexExisting) {
        this.generator = generator;
        this.context = context;
        this.customers = customers;
        this.chunk = chunk;
        this.seed = seed;
        this.exit = exit;
        this.index = index;
        this.indexExisting = indexExisting;
        this.sources = sources;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = 0;
        try {
            if (customers > 0) {
                CustomerVolumeGenerator.Result result = generator.generate(customers, chunk, seed, index);
                result.phases().forEach((phase, time) -> LOG.info("Phase {}: {} s", phase,
                        String.format(java.util.Locale.ROOT, "%.1f", time.toMillis() / 1000.0)));
            }
            if (indexExisting) {
                generator.indexAll(sources);
            }
        }
        catch (RuntimeException e) {
            LOG.error("Generating customers failed", e);
            code = 1;
        }
        if (exit) {
            int status = code;
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }
}
