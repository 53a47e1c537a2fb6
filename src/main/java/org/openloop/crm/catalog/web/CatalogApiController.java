package org.openloop.crm.catalog.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.catalog.CatalogManagement;
import org.openloop.crm.catalog.PriceListDraft;
import org.openloop.crm.catalog.PriceListView;
import org.openloop.crm.catalog.PriceQuote;
import org.openloop.crm.catalog.ProductDraft;
import org.openloop.crm.catalog.ProductView;
import org.openloop.crm.platform.ApiVersions;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.IdempotentCreates;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** The catalogue over REST (F4): products, price lists and their prices, and the price of a product on a day. */
@RestController
@Tag(name = "Catalogue")
class CatalogApiController {

    static final List<String> EXPORT_HEADERS = List.of("code", "name", "category", "kind", "unit", "listPrice",
            "currency", "taxRate", "active", "description");

    private final CatalogManagement catalog;
    private final IdempotentCreates idempotent;
    private final ZoneId zone;

    CatalogApiController(CatalogManagement catalog, IdempotentCreates idempotent,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.catalog = catalog;
        this.idempotent = idempotent;
        this.zone = zone;
    }

    record PriceRequest(@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal price) {
    }

    @GetMapping("/api/v1/products")
    @Operation(summary = "List products and services", description = "Keyset paging (cursor, size ≤ 100); sort by "
            + "code, name, listPrice, createdAt; filters category, kind (PRODUCT | SERVICE), active; q searches code "
            + "and name.")
    CursorPage<ProductView> products(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return catalog.products(ListRequest.from(parameters));
    }

    @GetMapping("/api/v1/products/export")
    @Operation(summary = "Export the filtered product list (format = csv | xlsx; needs product:export)")
    void export(@RequestParam(defaultValue = "csv") String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> parameters, HttpServletResponse response)
            throws IOException {
        catalog.exportProducts(ListRequest.from(parameters), Exports.Format.of(format), EXPORT_HEADERS,
                CatalogApiController::row, zone, response);
    }

    static List<?> row(ProductView p) {
        return java.util.Arrays.asList(p.code(), p.name(), p.category(), p.kind().name(), p.unit(), p.listPrice(),
                p.currency(), p.taxRate(), p.active(), p.description());
    }

    @GetMapping("/api/v1/products/{id}")
    ResponseEntity<ProductView> product(@PathVariable UUID id) {
        ProductView product = catalog.productView(id);
        return ApiVersions.ok(product, product.version());
    }

    @GetMapping("/api/v1/products/{id}/price")
    @Operation(summary = "The price of a product on a day: the price list's while it is active and valid, "
            + "else the list price")
    PriceQuote price(@PathVariable UUID id, @RequestParam(required = false) UUID priceListId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return catalog.price(id, priceListId, on == null ? LocalDate.now(zone) : on);
    }

    @PostMapping("/api/v1/products")
    @Operation(summary = "Create a product or service (product:create); honours Idempotency-Key")
    ResponseEntity<?> createProduct(@Valid @RequestBody ProductDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String key) {
        return idempotent.create(key, "/api/v1/products", () -> {
            ProductView created = catalog.createProduct(draft);
            return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/api/v1/products/{id}")
    @Operation(summary = "Update a product (product:edit); version in the body or If-Match")
    ResponseEntity<ProductView> updateProduct(@PathVariable UUID id, @Valid @RequestBody ProductDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        ProductDraft versioned = new ProductDraft(draft.code(), draft.name(), draft.category(), draft.unit(),
                draft.listPrice(), draft.currency(), draft.taxRate(), draft.kind(), draft.active(),
                draft.description(), expected.version());
        ProductView product = catalog.updateProduct(id, versioned, expected.fromIfMatch());
        return ApiVersions.ok(product, product.version());
    }

    @DeleteMapping("/api/v1/products/{id}")
    @Operation(summary = "Delete an unused product (product:delete); a product on a quote answers 409")
    ResponseEntity<Void> deleteProduct(@PathVariable UUID id) {
        catalog.deleteProduct(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/price-lists")
    @Operation(summary = "List price lists", description = "Keyset paging; sort by name, createdAt; filters active, "
            + "currency; q searches the name.")
    CursorPage<PriceListView> priceLists(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return catalog.priceLists(ListRequest.from(parameters));
    }

    @GetMapping("/api/v1/price-lists/{id}")
    ResponseEntity<PriceListView> priceList(@PathVariable UUID id) {
        PriceListView list = catalog.priceList(id);
        return ApiVersions.ok(list, list.version());
    }

    @PostMapping("/api/v1/price-lists")
    @Operation(summary = "Create a price list (product:create); honours Idempotency-Key")
    ResponseEntity<?> createPriceList(@Valid @RequestBody PriceListDraft draft,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String key) {
        return idempotent.create(key, "/api/v1/price-lists", () -> {
            PriceListView created = catalog.createPriceList(draft);
            return ResponseEntity.created(URI.create("/api/v1/price-lists/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/api/v1/price-lists/{id}")
    @Operation(summary = "Update a price list's name, currency, validity and active flag (product:edit)")
    ResponseEntity<PriceListView> updatePriceList(@PathVariable UUID id, @Valid @RequestBody PriceListDraft draft,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ApiVersions.Expected expected = ApiVersions.expected(ifMatch, draft.version());
        PriceListDraft versioned = new PriceListDraft(draft.name(), draft.currency(), draft.validFrom(),
                draft.validTo(), draft.active(), expected.version());
        PriceListView list = catalog.updatePriceList(id, versioned, expected.fromIfMatch());
        return ApiVersions.ok(list, list.version());
    }

    @PutMapping("/api/v1/price-lists/{id}/items/{productId}")
    @Operation(summary = "Set a product's price in the list (product:edit)")
    PriceListView setPrice(@PathVariable UUID id, @PathVariable UUID productId,
            @Valid @RequestBody PriceRequest request) {
        return catalog.setPrice(id, productId, request.price());
    }

    @DeleteMapping("/api/v1/price-lists/{id}/items/{productId}")
    @Operation(summary = "Remove a product's price from the list (product:edit)")
    PriceListView removePrice(@PathVariable UUID id, @PathVariable UUID productId) {
        return catalog.removePrice(id, productId);
    }

    @DeleteMapping("/api/v1/price-lists/{id}")
    @Operation(summary = "Delete a price list with its prices (product:delete)")
    ResponseEntity<Void> deletePriceList(@PathVariable UUID id) {
        catalog.deletePriceList(id);
        return ResponseEntity.noContent().build();
    }
}
