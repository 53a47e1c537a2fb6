package org.openloop.crm.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openloop.crm.audit.AuditAction;
import org.openloop.crm.audit.AuditEntry;
import org.openloop.crm.audit.AuditTrail;
import org.openloop.crm.catalog.internal.PriceList;
import org.openloop.crm.catalog.internal.PriceListItem;
import org.openloop.crm.catalog.internal.PriceListItems;
import org.openloop.crm.catalog.internal.PriceLists;
import org.openloop.crm.catalog.internal.Product;
import org.openloop.crm.catalog.internal.Products;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListQuery;
import org.openloop.crm.shared.ListQuery.Match;
import org.openloop.crm.shared.ListRequest;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.RequiresPermission;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The product and service catalogue (F4): products, price lists and their prices. Reads need {@code product:view}
 * (every sales role has it), changes {@code product:create/edit/delete} (administrators by default). Every change is
 * audited ({@code product}, {@code priceList}); a product that another module uses ({@link ProductUsage}) can only be
 * deactivated.
 */
@Service
public class CatalogManagement {

    static final String MODULE = "product";
    public static final String DEFAULT_CURRENCY = "CNY";

    static final ListQuery<Product> PRODUCT_QUERY = ListQuery.of(Product.class)
            .sortable("code", String.class)
            .sortable("name", String.class)
            .sortable("listPrice", BigDecimal.class)
            .sortable("createdAt", Instant.class)
            .filter("category", String.class, Match.EQUALS)
            .filter("kind", ProductKind.class, Match.EQUALS)
            .filter("active", Boolean.class, Match.EQUALS)
            .searchable("code")
            .searchable("name")
            .defaultSort("code")
            .build();

    static final ListQuery<PriceList> PRICE_LIST_QUERY = ListQuery.of(PriceList.class)
            .sortable("name", String.class)
            .sortable("createdAt", Instant.class)
            .filter("active", Boolean.class, Match.EQUALS)
            .filter("currency", String.class, Match.EQUALS)
            .searchable("name")
            .defaultSort("name")
            .build();

    private final Products products;
    private final PriceLists priceLists;
    private final PriceListItems items;
    private final ObjectProvider<ProductUsage> usages;
    private final AuditTrail audit;
    private final Exports exports;
    private final Clock clock;

    private final org.openloop.crm.catalog.internal.ProductSearch search;

    CatalogManagement(Products products, PriceLists priceLists, PriceListItems items,
            ObjectProvider<ProductUsage> usages, AuditTrail audit, Exports exports, Clock clock, org.openloop.crm.catalog.internal.ProductSearch search) {
        this.search = search;
        this.products = products;
        this.priceLists = priceLists;
        this.items = items;
        this.usages = usages;
        this.audit = audit;
        this.exports = exports;
        this.clock = clock;
    }

    // --- products -----------------------------------------------------------------------------------------------

    /** Products; filters category, kind, active; q searches code and name. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<ProductView> products(ListRequest request) {
        return PRODUCT_QUERY.page(products, request, Specification.unrestricted()).map(CatalogManagement::view);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public ProductView productView(UUID id) {
        return view(find(id));
    }

    /** What another module needs of a product; 404 when it does not exist. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public ProductRef product(UUID id) {
        return ref(find(id));
    }

    /** Several products at once (unknown ids are left out). */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public Map<UUID, ProductRef> products(Collection<UUID> ids) {
        return products.findAllById(ids).stream().map(CatalogManagement::ref)
                .collect(Collectors.toMap(ProductRef::id, Function.identity()));
    }

    /** Active products by code, for choosing on quote lines. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<ProductRef> activeProducts() {
        Specification<Product> active = (root, query, cb) -> cb.isTrue(root.get("active"));
        return products.findAll(active, org.springframework.data.domain.Sort.by("code", "id")).stream()
                .map(CatalogManagement::ref).toList();
    }

    /** A product by its code, for imports and demo data. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public Optional<ProductRef> productByCode(String code) {
        return products.findByCode(code).map(CatalogManagement::ref);
    }

    /** A product by code for other modules' demo data only: no permission check, never for a user request. */
    @Transactional(readOnly = true)
    public Optional<ProductRef> demoProductByCode(String code) {
        return products.findByCode(code).map(CatalogManagement::ref);
    }

    /** A price list by name for other modules' demo data only: no permission check, never for a user request. */
    @Transactional(readOnly = true)
    public Optional<UUID> demoPriceListNamed(String name) {
        return priceLists.findAll().stream().filter(l -> l.getName().equals(name)).map(PriceList::getId).findFirst();
    }

    /** The price on a day for other modules' demo data only (see {@link #price}): no permission check. */
    @Transactional(readOnly = true)
    public PriceQuote demoPrice(UUID productId, UUID priceListId, LocalDate on) {
        return price(productId, priceListId, on);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public ProductView createProduct(ProductDraft draft) {
        if (products.existsByCode(draft.code().trim())) {
            throw BusinessRuleException.conflict("code", "product.code.duplicate", draft.code().trim());
        }
        Product product = new Product(clock.instant());
        apply(product, draft);
        products.saveAndFlush(product);
        search.index(product);
        return view(product);
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public ProductView updateProduct(UUID id, ProductDraft draft, boolean versionFromIfMatch) {
        Product product = find(id);
        VersionConflictException.check(MODULE, id, draft.version(), product.getVersion(), versionFromIfMatch);
        if (products.existsByCodeAndIdNot(draft.code().trim(), id)) {
            throw BusinessRuleException.conflict("code", "product.code.duplicate", draft.code().trim());
        }
        apply(product, draft);
        products.flush();
        search.index(product);
        return view(product);
    }

    /** Deletes an unused product with its prices; a product in use answers 409 (deactivate it instead). */
    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void deleteProduct(UUID id) {
        Product product = find(id);
        if (usages.orderedStream().anyMatch(usage -> usage.uses(id))) {
            throw BusinessRuleException.conflict(null, "product.inUse", product.getCode());
        }
        items.deleteAll(items.findByProductId(id));
        items.flush();
        products.delete(product);
        products.flush();
        search.remove(id);
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> productHistory(UUID id, ListRequest request) {
        find(id);
        return audit.historyOf("product", id, request);
    }

    /** Streams the filtered product list as CSV or xlsx ({@code product:export}). */
    @RequiresPermission(module = MODULE, action = "export")
    public void exportProducts(ListRequest request, Exports.Format format, List<String> headers,
            Function<ProductView, List<?>> row, ZoneId zone, HttpServletResponse response) throws IOException {
        exports.writeList(response, format, "products", "product", headers, zone, request,
                page -> PRODUCT_QUERY.page(products, page, Specification.unrestricted()),
                batch -> batch.stream().map(CatalogManagement::view).toList(), row);
    }

    /** The distinct categories in use, for filters and the form's suggestions. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<String> categories() {
        return products.findAll().stream().map(Product::getCategory).filter(c -> c != null && !c.isBlank())
                .distinct().sorted().toList();
    }

    // --- price lists --------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<PriceListView> priceLists(ListRequest request) {
        return PRICE_LIST_QUERY.page(priceLists, request, Specification.unrestricted()).map(l -> view(l, List.of()));
    }

    /** All price lists by name, for choosing on a quote. */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public List<PriceListView> allPriceLists() {
        return priceLists.findAll(org.springframework.data.domain.Sort.by("name", "id")).stream()
                .map(l -> view(l, List.of())).toList();
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public PriceListView priceList(UUID id) {
        PriceList list = findList(id);
        return view(list, items.findByPriceListId(id));
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "create")
    public PriceListView createPriceList(PriceListDraft draft) {
        PriceList list = new PriceList(clock.instant());
        apply(list, draft);
        priceLists.saveAndFlush(list);
        return view(list, List.of());
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public PriceListView updatePriceList(UUID id, PriceListDraft draft, boolean versionFromIfMatch) {
        PriceList list = findList(id);
        VersionConflictException.check("priceList", id, draft.version(), list.getVersion(), versionFromIfMatch);
        apply(list, draft);
        priceLists.flush();
        return view(list, items.findByPriceListId(id));
    }

    /** Sets a product's price in a list (adds it when absent); recorded in the list's history. */
    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public PriceListView setPrice(UUID priceListId, UUID productId, BigDecimal price) {
        PriceList list = findList(priceListId);
        if (productId == null || !products.existsById(productId)) {
            throw BusinessRuleException.onField("productId", "priceList.product.unknown");
        }
        if (price == null || price.signum() < 0 || price.scale() > 2 || price.precision() - price.scale() > 12) {
            throw BusinessRuleException.onField("price", "priceList.price.invalid");
        }
        Product product = find(productId);
        Optional<PriceListItem> existing = items.findByPriceListIdAndProductId(priceListId, productId);
        String old = existing.map(i -> i.getPrice().toPlainString()).orElse(null);
        PriceListItem item = existing.orElseGet(() -> new PriceListItem(priceListId, productId, price));
        item.setPrice(price);
        items.save(item);
        list.touch(clock.instant());
        priceLists.flush();
        audit.record(existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, "priceList", priceListId,
                "price", old, item.getPrice().toPlainString(), product.getCode() + " " + product.getName());
        return view(list, items.findByPriceListId(priceListId));
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "edit")
    public PriceListView removePrice(UUID priceListId, UUID productId) {
        PriceList list = findList(priceListId);
        PriceListItem item = items.findByPriceListIdAndProductId(priceListId, productId)
                .orElseThrow(() -> new RecordNotFoundException("priceListItem", productId));
        Product product = find(productId);
        items.delete(item);
        list.touch(clock.instant());
        priceLists.flush();
        audit.record(AuditAction.DELETE, "priceList", priceListId, "price", item.getPrice().toPlainString(), null,
                product.getCode() + " " + product.getName());
        return view(list, items.findByPriceListId(priceListId));
    }

    @Transactional
    @RequiresPermission(module = MODULE, action = "delete")
    public void deletePriceList(UUID id) {
        PriceList list = findList(id);
        items.deleteAll(items.findByPriceListId(id));
        items.flush();
        priceLists.delete(list);
        priceLists.flush();
    }

    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public CursorPage<AuditEntry> priceListHistory(UUID id, ListRequest request) {
        findList(id);
        return audit.historyOf("priceList", id, request);
    }

    /**
     * The price of a product on {@code on}: the price list's price when {@code priceListId} is given, the list is
     * active, valid on that day (dates inclusive) and prices the product; otherwise the product's list price.
     */
    @Transactional(readOnly = true)
    @RequiresPermission(module = MODULE, action = "view")
    public PriceQuote price(UUID productId, UUID priceListId, LocalDate on) {
        Product product = find(productId);
        if (priceListId != null) {
            PriceList list = findList(priceListId);
            PriceListView header = view(list, List.of());
            if (header.validOn(on)) {
                Optional<PriceListItem> item = items.findByPriceListIdAndProductId(priceListId, productId);
                if (item.isPresent()) {
                    return new PriceQuote(productId, priceListId, true, item.get().getPrice(), list.getCurrency(),
                            product.getTaxRate());
                }
            }
        }
        return new PriceQuote(productId, null, false, product.getListPrice(), product.getCurrency(),
                product.getTaxRate());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Product find(UUID id) {
        return products.findById(id).orElseThrow(() -> new RecordNotFoundException("product", id));
    }

    private PriceList findList(UUID id) {
        return priceLists.findById(id).orElseThrow(() -> new RecordNotFoundException("priceList", id));
    }

    private void apply(Product product, ProductDraft draft) {
        product.update(draft.code().trim(), draft.name().trim(), blankToNull(draft.category()), draft.unit().trim(),
                draft.listPrice(), currency(draft.currency()), draft.taxRate(), draft.kind(),
                draft.active() == null || draft.active(), blankToNull(draft.description()), clock.instant());
    }

    private void apply(PriceList list, PriceListDraft draft) {
        if (draft.validFrom() != null && draft.validTo() != null && draft.validTo().isBefore(draft.validFrom())) {
            throw BusinessRuleException.onField("validTo", "priceList.validTo.beforeFrom");
        }
        list.update(draft.name().trim(), currency(draft.currency()), draft.validFrom(), draft.validTo(),
                draft.active() == null || draft.active(), clock.instant());
    }

    private static String currency(String value) {
        return value == null || value.isBlank() ? DEFAULT_CURRENCY : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static ProductView view(Product p) {
        return new ProductView(p.getId(), p.getCode(), p.getName(), p.getCategory(), p.getUnit(), p.getListPrice(),
                p.getCurrency(), p.getTaxRate(), p.getKind(), p.isActive(), p.getDescription(), p.getCreatedAt(),
                p.getUpdatedAt(), p.getVersion());
    }

    static ProductRef ref(Product p) {
        return new ProductRef(p.getId(), p.getCode(), p.getName(), p.getUnit(), p.getListPrice(), p.getCurrency(),
                p.getTaxRate(), p.getKind(), p.isActive());
    }

    private PriceListView view(PriceList l, List<PriceListItem> prices) {
        Map<UUID, Product> byId = products.findAllById(prices.stream().map(PriceListItem::getProductId).toList())
                .stream().collect(Collectors.toMap(Product::getId, Function.identity()));
        List<PriceListItemView> lines = prices.stream().filter(i -> byId.containsKey(i.getProductId()))
                .map(i -> {
                    Product p = byId.get(i.getProductId());
                    return new PriceListItemView(p.getId(), p.getCode(), p.getName(), p.getUnit(), p.getListPrice(),
                            i.getPrice());
                })
                .sorted(Comparator.comparing(PriceListItemView::productCode)).toList();
        return new PriceListView(l.getId(), l.getName(), l.getCurrency(), l.getValidFrom(), l.getValidTo(),
                l.isActive(), lines, l.getCreatedAt(), l.getVersion());
    }
}
