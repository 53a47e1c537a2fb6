package org.openloop.crm.catalog.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openloop.crm.catalog.ProductKind;
import org.openloop.crm.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo catalogue: CRM licences, implementation and maintenance services and a server, and the price lists 经销商价
 * (dealers) and VIP价 (key accounts) valid for this year.
 */
@Component
@Order(50)
class CatalogDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogDemoData.class);

    private final Products products;
    private final PriceLists priceLists;
    private final PriceListItems items;
    private final DemoMode demo;
    private final Clock clock;
    private final ZoneId zone;

    CatalogDemoData(Products products, PriceLists priceLists, PriceListItems items, DemoMode demo, Clock clock,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.products = products;
        this.priceLists = priceLists;
        this.items = items;
        this.demo = demo;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || products.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Product> created = new LinkedHashMap<>();
        created.put("CRM-STD", product("CRM-STD", "CRM 标准版 license", "软件许可", "套", "5000.00", "13",
                ProductKind.PRODUCT, "每用户永久许可，含一年升级", now));
        created.put("CRM-ENT", product("CRM-ENT", "CRM 企业版 license", "软件许可", "套", "9800.00", "13",
                ProductKind.PRODUCT, "每用户永久许可，含高级报表与工作流", now));
        created.put("SVC-IMPL", product("SVC-IMPL", "实施服务", "服务", "人天", "2500.00", "6", ProductKind.SERVICE,
                "需求调研、配置、数据迁移与培训", now));
        created.put("SVC-MAINT", product("SVC-MAINT", "年度维护", "服务", "年", "18000.00", "6", ProductKind.SERVICE,
                "工作日远程支持与补丁升级", now));
        created.put("HW-SRV", product("HW-SRV", "服务器", "硬件", "台", "32000.00", "13", ProductKind.PRODUCT,
                "2 路 CPU、128 GB 内存、4 TB 存储", now));
        products.saveAll(created.values());
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        PriceList dealer = list("经销商价", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), now);
        PriceList vip = list("VIP价", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), now);
        priceLists.save(dealer);
        priceLists.save(vip);
        items.save(new PriceListItem(dealer.getId(), created.get("CRM-STD").getId(), new BigDecimal("4200.00")));
        items.save(new PriceListItem(dealer.getId(), created.get("CRM-ENT").getId(), new BigDecimal("8300.00")));
        items.save(new PriceListItem(dealer.getId(), created.get("HW-SRV").getId(), new BigDecimal("29000.00")));
        items.save(new PriceListItem(vip.getId(), created.get("CRM-STD").getId(), new BigDecimal("4500.00")));
        items.save(new PriceListItem(vip.getId(), created.get("SVC-IMPL").getId(), new BigDecimal("2200.00")));
        items.save(new PriceListItem(vip.getId(), created.get("SVC-MAINT").getId(), new BigDecimal("15000.00")));
        LOG.info("Loaded demo catalogue: {} products, {} price lists", products.count(), priceLists.count());
    }

    private static Product product(String code, String name, String category, String unit, String price,
            String taxRate, ProductKind kind, String description, Instant now) {
        Product product = new Product(now);
        product.update(code, name, category, unit, new BigDecimal(price), "CNY", new BigDecimal(taxRate), kind, true,
                description, now);
        return product;
    }

    private static PriceList list(String name, LocalDate from, LocalDate to, Instant now) {
        PriceList list = new PriceList(now);
        list.update(name, "CNY", from, to, true, now);
        return list;
    }
}
