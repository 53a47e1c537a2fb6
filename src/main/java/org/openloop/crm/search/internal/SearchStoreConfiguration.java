package org.openloop.crm.search.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Chooses the search store by the database the application runs on; the schema differs the same way (the
 * PostgreSQL-only migrations under {@code db/vendor/postgresql} add the term arrays and their GIN indexes).
 */
@Configuration(proxyBeanMethods = false)
class SearchStoreConfiguration {

    @Bean
    SearchStore searchStore(DataSource dataSource, NamedParameterJdbcTemplate jdbc) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(product) ? new ArraySearchStore(jdbc) : new TermTableSearchStore(jdbc);
    }
}
