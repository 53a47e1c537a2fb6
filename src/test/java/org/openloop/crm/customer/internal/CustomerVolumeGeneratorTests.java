package org.openloop.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.search.SearchIndex;
import org.openloop.crm.search.SearchSource;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The volume data generator (profile {@code generate}) run with a small number on the test database: customers with
 * contacts, tags, custom-field values and search documents, owned by the sales users, and usable through the API.
 */
@CrmIntegrationTest
class CustomerVolumeGeneratorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustomerVolumeGenerator generator;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CustomFields customFields;

    @Autowired
    SearchIndex searchIndex;

    @Autowired
    Tags tags;

    @Autowired
    Api api;

    @Autowired
    List<SearchSource> sources;

    @Test
    @DisplayName("B1 B2 B3 B11 K2 the generator writes customers with contacts, tags, custom-field values and search documents")
    void generatesASmallVolume() {
        long customersBefore = count("select count(*) from customer");
        long contactsBefore = count("select count(*) from contact");

        CustomerVolumeGenerator.Result result = generator.generate(400, 150, 7);

        assertThat(result.customers()).isEqualTo(400);
        assertThat(count("select count(*) from customer")).isEqualTo(customersBefore + 400);
        assertThat(count("select count(*) from contact")).isEqualTo(contactsBefore + result.contacts());
        List<Map<String, Object>> perCustomer = jdbc.queryForList("""
                select c.id, count(k.id) as contacts, sum(case when k.primary_contact then 1 else 0 end) as primaries
                from customer c join contact k on k.customer_id = c.id
                where c.number like 'KH_________%' and length(c.number) = 17
                group by c.id""");
        assertThat(perCustomer).hasSizeGreaterThanOrEqualTo(400);
        assertThat(perCustomer).allSatisfy(row -> {
            assertThat(((Number) row.get("contacts")).intValue()).isBetween(1, 5);
            assertThat(((Number) row.get("primaries")).intValue()).isEqualTo(1);
        });
        assertThat(result.contacts()).as("about three contacts per customer").isBetween(1000L, 1400L);

        // about 30 % tagged with the generator's managed tags
        assertThat(result.taggedCustomers()).isBetween(80L, 160L);
        assertThat(tags.findByNameKey(Tag.keyOf(CustomerVolumeGenerator.TAGS.get(0)))).get()
                .satisfies(tag -> assertThat(tag.isManaged()).isTrue());

        // three custom fields defined and filled; the list filters by the select field through the API
        assertThat(customFields.definitions("customer")).extracting(d -> d.key())
                .contains(CustomerVolumeGenerator.FIELD_REGION, CustomerVolumeGenerator.FIELD_EMPLOYEES,
                        CustomerVolumeGenerator.FIELD_BUDGET);
        assertThat(result.fieldValues()).isGreaterThan(400);
        Api.Response byRegion = api.get("/api/v1/customers?size=100&cf." + CustomerVolumeGenerator.FIELD_REGION
                + "=east").as("admin").send();
        assertThat(byRegion.status()).as("%s", byRegion).isEqualTo(200);
        assertThat(byRegion.json().get("items").size()).isPositive();

        // every customer and contact is searchable, within the owner's scope (a demo user's, whose password is known;
        // other tests may add sales users who own generated customers too)
        assertThat(result.searchDocuments()).isEqualTo(400 + result.contacts());
        Map<String, Object> sample = jdbc.queryForMap("""
                select c.name, c.number, u.username from customer c join app_user u on u.id = c.owner_id
                where c.number like 'KH_________%' and length(c.number) = 17 and c.archived = false
                    and u.username in ('sales1', 'sales2', 'manager')
                order by c.number desc limit 1""");
        Api.Response found = api.get("/api/v1/search?limit=50&q="
                + URLEncoder.encode((String) sample.get("number"), StandardCharsets.UTF_8))
                .as((String) sample.get("username")).send();
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.text()).contains((String) sample.get("name"));

        // rebuilding from the customer module's sources indexes every customer and contact, over many read batches
        long documents = generator.indexAll(sources);
        assertThat(documents).isEqualTo(count("select count(*) from customer") + count("select count(*) from contact"))
                .isGreaterThan(CustomerSearch.READ_BATCH);
        assertThat(searchIndex.count(CustomerSearch.CONTACT)).isEqualTo(count("select count(*) from contact"));

        // a second run continues the numbering instead of colliding
        assertThat(generator.generate(3, 2, 8).customers()).isEqualTo(3);

        // the test database is shared: hand the generated customers to a user of their own, so the demo reps stay
        // under the pool rules' caps that other tests claim against
        TestData.TestUser keeper = TestData.createUser(api, null, List.of(TestData.roleId(api, "SALES_REP")));
        jdbc.update("""
                update search_document set owner_id = ? where record_type = 'customer' and record_id in
                    (select id from customer where number like 'KH%' and length(number) = 17)""", keeper.id());
        jdbc.update("update customer set owner_id = ? where number like 'KH%' and length(number) = 17", keeper.id());
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }
}
