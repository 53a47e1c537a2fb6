package org.openloop.crm.audit.internal;

import java.time.Clock;
import java.util.List;

import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plugs {@link EntityAuditListener} into Hibernate. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    HibernatePropertiesCustomizer auditIntegrator(Clock clock) {
        EntityAuditListener listener = new EntityAuditListener(clock);
        return properties -> properties.put("hibernate.integrator_provider",
                (IntegratorProvider) () -> List.of(listener));
    }
}
