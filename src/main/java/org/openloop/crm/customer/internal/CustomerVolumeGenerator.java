package org.openloop.crm.customer.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.openloop.crm.customer.CompanyNames;
import org.openloop.crm.customer.CompanySize;
import org.openloop.crm.customer.CustomerLevel;
import org.openloop.crm.customer.CustomerSource;
import org.openloop.crm.customer.CustomerType;
import org.openloop.crm.customer.TagColour;
import org.openloop.crm.customfield.CustomFieldDefinition;
import org.openloop.crm.customfield.CustomFieldDraft;
import org.openloop.crm.customfield.CustomFieldType;
import org.openloop.crm.customfield.CustomFields;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.organization.UserSummary;
import org.openloop.crm.search.SearchDocument;
import org.openloop.crm.search.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database with a volume of realistic customers for measuring lists, search and exports at scale: Chinese
 * (and some Latin) company names over cities, trades and legal forms, numbers, phones, e-mails, types, levels,
 * industries and sources, spread over the sales users and their departments and over several years; three contacts
 * per customer on average (one primary); a few managed tags on about 30 % of customers; values of three customer
 * custom fields it defines if absent; and the search documents of all of them.
 * <p>
 * Rows are written with JDBC batches, one transaction per chunk, not through the facades: a facade create costs a
 * number-sequence row, audit rows and a transaction per record, which would take hours at a million. Custom-field
 * values and search documents belong to other modules and go through their bulk methods in the same chunk
 * transaction. Nothing is audited; the data is test data. The generator is run by
 * {@link CustomerVolumeGeneratorRunner} under the {@code generate} profile; it is a bean in every profile (it does
 * nothing until asked) so that tests and benchmarks use the same instance.
 */
@org.springframework.stereotype.Component
public class CustomerVolumeGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerVolumeGenerator.class);

    /** Keys of the customer custom fields it fills. */
    public static final String FIELD_REGION = "sales_region";
    public static final String FIELD_EMPLOYEES = "employee_count";
    public static final String FIELD_BUDGET = "annual_budget";
    /** Names of the managed tags it links. */
    public static final List<String> TAGS = List.of("批量-重点跟进", "批量-价格敏感", "批量-老客户", "批量-待回访");

    static final String[] CITIES = { "北京", "上海", "广州", "深圳", "杭州", "苏州", "成都", "武汉", "南京", "西安", "重庆",
            "天津", "长沙", "郑州", "青岛", "厦门", "宁波", "合肥", "济南", "大连", "昆明", "福州", "沈阳", "无锡", "东莞", "佛山" };
    private static final String[] CITIES_LATIN = { "Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Hangzhou",
            "Suzhou", "Chengdu", "Wuhan", "Nanjing", "Xian", "Chongqing", "Tianjin", "Changsha", "Zhengzhou", "Qingdao",
            "Xiamen", "Ningbo", "Hefei", "Jinan", "Dalian", "Kunming", "Fuzhou", "Shenyang", "Wuxi", "Dongguan",
            "Foshan" };
    /** Characters of brand names (字号), two of them make one. */
    private static final String BRAND = "华中兴盛达通宏信恒泰鑫瑞安源丰凯博创嘉航天宇远德新立力诚汇智诺联合金银海云星辰明光美晟昌利和永"
            + "正大成众鼎峰启辉腾飞龙凤祥润";
    static final String[] TRADES = { "科技", "制造", "物流", "零售", "医疗", "教育", "能源", "建筑", "食品", "传媒", "电子",
            "软件", "化工", "环保", "餐饮", "咨询", "贸易", "机械", "纺织", "汽车" };
    private static final String[] TRADES_LATIN = { "Technology", "Manufacturing", "Logistics", "Retail", "Medical",
            "Education", "Energy", "Construction", "Foods", "Media", "Electronics", "Software", "Chemicals",
            "Environmental", "Catering", "Consulting", "Trading", "Machinery", "Textiles", "Automotive" };
    private static final String[] INDUSTRIES = { "IT服务", "机械制造", "物流运输", "零售", "医疗健康", "教育培训", "能源",
            "建筑工程", "食品饮料", "文化传媒", "电子元器件", "软件", "化工", "节能环保", "餐饮", "专业咨询", "商贸",
            "工业设备", "纺织服装", "汽车及零部件" };
    private static final String[] SUFFIXES = { "有限公司", "有限公司", "股份有限公司", "集团有限公司", "有限责任公司", "贸易有限公司" };
    private static final String[] SUFFIXES_LATIN = { "Co., Ltd.", "Co., Ltd.", "Group", "Inc.", "Limited" };
    private static final String[] BRANDS_LATIN = { "Bright", "Sino", "Golden", "Blue", "Star", "Ever", "Pan", "Great",
            "Orient", "Jade", "Pearl", "Summit", "Harbor", "Silver", "Crown", "Lotus", "Phoenix", "Dragon", "Swift",
            "Nova" };
    private static final String[] BRANDS_LATIN_2 = { "way", "tech", "line", "wave", "stone", "field", "bridge", "gate",
            "path", "point", "view", "core", "link", "land", "star" };
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
    private static final String GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华文辉玲建国志红晓宁雪梅俊峰婷斌飞鹏浩宇欣怡佳琳";
    private static final String[] FIRST_LATIN = { "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan",
            "Grace", "Leo", "Chloe", "Ryan", "Lily", "Jason", "Sophie", "Kevin" };
    private static final String[] SURNAMES_LATIN = { "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao",
            "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo" };
    private static final String[] TITLES = { "总经理", "采购经理", "IT 总监", "财务总监", "运营总监", "行政主管", "技术负责人",
            "市场经理", "销售总监", "项目经理", null, null };
    private static final String[] REGIONS = { "north", "east", "south", "west", "central" };
    private static final String[] MAIL_DOMAINS = { "example.com", "example.cn", "example.net", "example.org" };
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** What one run wrote, and how long each phase took. */
    public record Result(long customers, long contacts, long taggedCustomers, long fieldValues,
            long searchDocuments, Map<String, Duration> phases) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OrganizationManagement organization;
    private final CustomFields customFields;
    private final SearchIndex searchIndex;
    private final Tags tags;
    private final Clock clock;

    public CustomerVolumeGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            OrganizationManagement organization, CustomFields customFields, SearchIndex searchIndex, Tags tags,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.organization = organization;
        this.customFields = customFields;
        this.searchIndex = searchIndex;
        this.tags = tags;
        this.clock = clock;
    }

    /**
     * Writes {@code count} customers with their contacts, tags, custom-field values and search documents, in chunks
     * of {@code chunk} customers (one transaction each). The same {@code seed} gives the same names and values.
     */
    public Result generate(int count, int chunk, long seed) {
        return generate(count, chunk, seed, true);
    }

    /**
     * As {@link #generate(int, int, long)}; with {@code index} false the search documents are left out, to be written
     * later by {@link #indexAll} (a separate, separately timed phase) or by the start-up index builder.
     */
    public Result generate(int count, int chunk, long seed, boolean index) {
        if (count < 0 || chunk < 1) {
            throw new IllegalArgumentException("count must be >= 0 and chunk >= 1");
        }
        Map<String, Duration> phases = new LinkedHashMap<>();
        long setupStart = System.nanoTime();
        List<UserSummary> owners = owners();
        List<UUID> tagIds = transactions.execute(status -> ensureTags(owners.get(0).id()));
        transactions.executeWithoutResult(status -> ensureFields());
        Long existing = jdbc.queryForObject("select count(*) from customer", Long.class);
        long offset = existing == null ? 0 : existing;
        phases.put("setup", Duration.ofNanos(System.nanoTime() - setupStart));
        LOG.info("Generating {} customers in chunks of {} for {} owners, numbering from {}", count, chunk,
                owners.size(), offset);

        Random random = new Random(seed);
        Instant now = clock.instant();
        long[] nanos = new long[4];
        long[] totals = new long[5];
        long started = System.nanoTime();
        long lastReport = started;
        for (int done = 0; done < count; done += chunk) {
            Chunk rows = chunk(random, Math.min(chunk, count - done), offset + done, now, owners, tagIds);
            transactions.executeWithoutResult(status -> {
                long t = System.nanoTime();
                jdbc.batchUpdate("""
                        insert into customer (id, number, name, name_key, industry, company_size, type, level, source,
                            address, phone, email, website, owner_id, department_id, archived, last_interaction_at,
                            owned_since, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows.customers);
                long t2 = System.nanoTime();
                nanos[0] += t2 - t;
                jdbc.batchUpdate("""
                        insert into contact (id, customer_id, name, title, mobile, office_phone, email,
                            key_decision_maker, primary_contact, owner_id, department_id, created_at, updated_at,
                            version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows.contacts);
                long t3 = System.nanoTime();
                nanos[1] += t3 - t2;
                jdbc.batchUpdate("insert into customer_tag (customer_id, tag_id) values (?, ?)", rows.tags);
                totals[3] += customFields.insertAll(CustomerSearch.CUSTOMER, rows.fieldValues);
                long t4 = System.nanoTime();
                nanos[2] += t4 - t3;
                if (index) {
                    index(rows.documents);
                }
                nanos[3] += System.nanoTime() - t4;
            });
            totals[0] += rows.customers.size();
            totals[1] += rows.contacts.size();
            totals[2] += rows.taggedCustomers;
            totals[4] += index ? rows.documents.size() : 0;
            long at = System.nanoTime();
            if (at - lastReport > 10_000_000_000L || done + chunk >= count) {
                lastReport = at;
                double seconds = (at - started) / 1e9;
                LOG.info("Generated {} of {} customers ({} contacts) in {} s: {} customers/s", totals[0], count,
                        totals[1], Math.round(seconds), Math.round(totals[0] / Math.max(seconds, 0.001)));
            }
        }
        phases.put("customers", Duration.ofNanos(nanos[0]));
        phases.put("contacts", Duration.ofNanos(nanos[1]));
        phases.put("tags and custom-field values", Duration.ofNanos(nanos[2]));
        phases.put("search index", Duration.ofNanos(nanos[3]));
        phases.put("total", Duration.ofNanos(System.nanoTime() - setupStart));
        Result result = new Result(totals[0], totals[1], totals[2], totals[3], totals[4], phases);
        LOG.info("Generated {}", result);
        return result;
    }

    /**
     * Rebuilds the search documents of every customer and contact in the database from {@code sources} (the
     * customer module's search sources), one record type after the other; answers the number of documents.
     */
    public long indexAll(java.util.Collection<org.openloop.crm.search.SearchSource> sources) {
        long documents = 0;
        for (org.openloop.crm.search.SearchSource source : sources) {
            if (!source.recordType().equals(CustomerSearch.CUSTOMER)
                    && !source.recordType().equals(CustomerSearch.CONTACT)) {
                continue;
            }
            long started = System.nanoTime();
            long indexed = searchIndex.rebuild(source);
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("Indexed {} {} documents in {} s: {} documents/s", indexed, source.recordType(),
                    Math.round(seconds), Math.round(indexed / Math.max(seconds, 0.001)));
            documents += indexed;
        }
        return documents;
    }

    /** Sales reps and sales managers; every active user when there are none, so a bare installation works too. */
    private List<UserSummary> owners() {
        List<UserSummary> active = organization.activeUsers();
        List<UserSummary> sales = active.stream()
                .filter(u -> u.roleCodes().contains("SALES_REP") || u.roleCodes().contains("SALES_MANAGER"))
                .toList();
        List<UserSummary> owners = sales.isEmpty() ? active : sales;
        if (owners.isEmpty()) {
            throw new IllegalStateException("No active users to own the customers: load the demo organisation "
                    + "(crm.demo.enabled=true) or create users first");
        }
        return owners;
    }

    private List<UUID> ensureTags(UUID createdBy) {
        TagColour[] colours = TagColour.values();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < TAGS.size(); i++) {
            String name = TAGS.get(i);
            TagColour colour = colours[i % colours.length];
            ids.add(tags.findByNameKey(Tag.keyOf(name))
                    .orElseGet(() -> tags.save(new Tag(name, colour, true, createdBy, clock.instant()))).getId());
        }
        return ids;
    }

    private Map<String, CustomFieldDefinition> ensureFields() {
        Map<String, CustomFieldDefinition> fields = new LinkedHashMap<>();
        fields.put(FIELD_REGION, customFields.defineIfAbsent(CustomerSearch.CUSTOMER, FIELD_REGION,
                new CustomFieldDraft(CustomerSearch.CUSTOMER, "销售大区", "Sales region", CustomFieldType.SINGLE_SELECT,
                        false, null, null, null, null, List.of(
                                new CustomFieldDraft.Option("north", "华北", "North"),
                                new CustomFieldDraft.Option("east", "华东", "East"),
                                new CustomFieldDraft.Option("south", "华南", "South"),
                                new CustomFieldDraft.Option("west", "西部", "West"),
                                new CustomFieldDraft.Option("central", "华中", "Central")),
                        null, true, true, null)));
        fields.put(FIELD_EMPLOYEES, customFields.defineIfAbsent(CustomerSearch.CUSTOMER, FIELD_EMPLOYEES,
                new CustomFieldDraft(CustomerSearch.CUSTOMER, "员工人数", "Employees", CustomFieldType.NUMBER, false, null,
                        BigDecimal.ZERO, null, null, List.of(), null, false, true, null)));
        fields.put(FIELD_BUDGET, customFields.defineIfAbsent(CustomerSearch.CUSTOMER, FIELD_BUDGET,
                new CustomFieldDraft(CustomerSearch.CUSTOMER, "年度预算", "Annual budget", CustomFieldType.MONEY, false,
                        null, BigDecimal.ZERO, null, null, List.of(), null, false, true, null)));
        return fields;
    }

    private void index(List<SearchDocument> documents) {
        searchIndex.indexAll(documents);
    }

    /** The rows of one chunk, built before its transaction starts. */
    private static final class Chunk {
        final List<Object[]> customers = new ArrayList<>();
        final List<Object[]> contacts = new ArrayList<>();
        final List<Object[]> tags = new ArrayList<>();
        final Map<UUID, Map<String, Object>> fieldValues = new LinkedHashMap<>();
        final List<SearchDocument> documents = new ArrayList<>();
        int taggedCustomers;
    }

    private static Chunk chunk(Random random, int size, long firstIndex, Instant now, List<UserSummary> owners,
            List<UUID> tagIds) {
        Chunk chunk = new Chunk();
        for (int i = 0; i < size; i++) {
            long index = firstIndex + i;
            UserSummary owner = owners.get((int) (index % owners.size()));
            UUID id = UUID.randomUUID();
            // created over the last five years; followed up within the last three weeks, so the pool job leaves
            // the customers with their owners
            Instant created = now.minusSeconds(3_600L + random.nextInt(5 * 365 * 24 * 60) * 60L);
            Instant interacted = now.minusSeconds(random.nextInt(21 * 24 * 3600));
            if (interacted.isBefore(created)) {
                interacted = created;
            }
            boolean latin = random.nextInt(5) == 0;
            int trade = random.nextInt(TRADES.length);
            int city = random.nextInt(CITIES.length);
            String name = latin
                    ? pick(random, BRANDS_LATIN) + pick(random, BRANDS_LATIN_2) + " " + TRADES_LATIN[trade] + " ("
                            + CITIES_LATIN[city] + ") " + pick(random, SUFFIXES_LATIN)
                    : CITIES[city] + brand(random) + TRADES[trade] + pick(random, SUFFIXES);
            String number = "KH" + DAY.format(created) + String.format(Locale.ROOT, "%07d", index);
            String domain = "c" + Long.toString(index, 36) + "." + MAIL_DOMAINS[(int) (index % MAIL_DOMAINS.length)];
            String phone = random.nextInt(4) == 0 ? null
                    : "0" + (10 + random.nextInt(890)) + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
            String email = random.nextInt(3) == 0 ? null : "info@" + domain;
            CustomerType type = weighted(random, CustomerType.values(), 40, 30, 25, 5);
            CustomerLevel level = weighted(random, CustomerLevel.values(), 75, 20, 5);
            CustomerSource source = CustomerSource.values()[random.nextInt(CustomerSource.values().length)];
            CompanySize companySize = CompanySize.values()[random.nextInt(CompanySize.values().length)];
            boolean archived = random.nextInt(100) == 0;
            chunk.customers.add(new Object[] { id, number, name, CompanyNames.key(name), INDUSTRIES[trade],
                    companySize.name(), type.name(), level.name(), source.name(),
                    CITIES[city] + "市" + brand(random) + "路" + (1 + random.nextInt(300)) + "号", phone, email,
                    random.nextInt(4) == 0 ? "https://www." + domain : null, owner.id(), owner.departmentId(),
                    archived, Timestamp.from(interacted), Timestamp.from(created), Timestamp.from(created),
                    Timestamp.from(interacted) });
            chunk.documents.add(CustomerSearch.customerDocument(id, owner.id(), owner.departmentId(), name, number,
                    archived, phone, email));

            // 1 to 5 contacts, 3 on average; the first is the primary one
            int contacts = 1 + random.nextInt(5);
            for (int c = 0; c < contacts; c++) {
                UUID contactId = UUID.randomUUID();
                String person = latin ? pick(random, FIRST_LATIN) + " " + pick(random, SURNAMES_LATIN)
                        : person(random);
                String title = pick(random, TITLES);
                String mobile = "1" + (3 + random.nextInt(7)) + String.format(Locale.ROOT, "%09d",
                        random.nextInt(1_000_000_000));
                String office = random.nextInt(5) == 0 && phone != null ? phone : null;
                String contactEmail = random.nextInt(2) == 0 ? null : "p" + (c + 1) + "@" + domain;
                chunk.contacts.add(new Object[] { contactId, id, person, title, mobile, office, contactEmail,
                        c == 0 || random.nextInt(4) == 0, c == 0, owner.id(), owner.departmentId(),
                        Timestamp.from(created), Timestamp.from(created) });
                chunk.documents.add(CustomerSearch.contactDocument(contactId, owner.id(), owner.departmentId(),
                        person, title, mobile, office, contactEmail, id, name, archived));
            }

            if (random.nextInt(10) < 3) {
                chunk.taggedCustomers++;
                int first = random.nextInt(tagIds.size());
                chunk.tags.add(new Object[] { id, tagIds.get(first) });
                if (random.nextInt(3) == 0) {
                    chunk.tags.add(new Object[] { id, tagIds.get((first + 1) % tagIds.size()) });
                }
            }

            Map<String, Object> values = new LinkedHashMap<>();
            if (random.nextInt(10) < 9) {
                values.put(FIELD_REGION, REGIONS[random.nextInt(REGIONS.length)]);
            }
            if (random.nextInt(10) < 7) {
                values.put(FIELD_EMPLOYEES, 5 + random.nextInt(5000));
            }
            if (random.nextInt(10) < 5) {
                values.put(FIELD_BUDGET, BigDecimal.valueOf(random.nextInt(10_000_000), 2));
            }
            chunk.fieldValues.put(id, values);
        }
        return chunk;
    }

    private static String brand(Random random) {
        return "" + BRAND.charAt(random.nextInt(BRAND.length())) + BRAND.charAt(random.nextInt(BRAND.length()));
    }

    private static String person(Random random) {
        String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
        return random.nextBoolean() ? name + GIVEN.charAt(random.nextInt(GIVEN.length())) : name;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T weighted(Random random, T[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
