package org.openloop.crm.catalog.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.catalog.CatalogManagement;
import org.openloop.crm.catalog.PriceListView;
import org.openloop.crm.catalog.ProductKind;
import org.openloop.crm.catalog.ProductView;
import org.openloop.crm.platform.Exports;
import org.openloop.crm.platform.web.FormErrors;
import org.openloop.crm.platform.web.ListLinks;
import org.openloop.crm.platform.web.Permissions;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CursorPage;
import org.openloop.crm.shared.ListRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Catalogue pages (F4): product list, detail and form; price lists with their prices. */
@Controller
class CatalogPages {

    /** One option of a select. */
    record Option(String value, String label) {
    }

    private final CatalogManagement catalog;
    private final MessageSource messages;
    private final ZoneId zone;

    CatalogPages(CatalogManagement catalog, MessageSource messages,
            @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.catalog = catalog;
        this.messages = messages;
        this.zone = zone;
    }

    // --- products -----------------------------------------------------------------------------------------------

    @GetMapping("/products")
    String products(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        CursorPage<ProductView> page = catalog.products(ListRequest.from(ListLinks.parameters(request)));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "catalog/products :: rows";
        }
        model.addAttribute("kinds", kinds());
        model.addAttribute("categories", catalog.categories().stream().map(c -> new Option(c, c)).toList());
        model.addAttribute("activeOptions", List.of(new Option("true", message("product.active.true")),
                new Option("false", message("product.active.false"))));
        return "catalog/products";
    }

    @GetMapping("/products/export")
    void export(@RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<String> headers = CatalogApiController.EXPORT_HEADERS.stream().map(h -> message("product.field." + h))
                .toList();
        catalog.exportProducts(ListRequest.from(ListLinks.parameters(request)), Exports.Format.of(format), headers,
                p -> Arrays.asList(p.code(), p.name(), p.category(), message("product.kind." + p.kind()), p.unit(),
                        p.listPrice(), p.currency(), p.taxRate(), message("common." + (p.active() ? "yes" : "no")),
                        p.description()), zone, response);
    }

    @GetMapping("/products/new")
    String newProduct(Model model) {
        Permissions.require("product", "create");
        return productForm(new ProductForm(), null, model);
    }

    @PostMapping("/products/new")
    String createProduct(@Valid @ModelAttribute("form") ProductForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            ProductView created = catalog.createProduct(form.draft());
            redirect.addFlashAttribute("flashSuccess", message("product.saved", created.code()));
            return "redirect:/products/" + created.id();
        }, () -> productForm(form, null, model));
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable UUID id, Model model) {
        model.addAttribute("product", catalog.productView(id));
        return "catalog/product";
    }

    @GetMapping("/products/{id}/history")
    String productHistory(@PathVariable UUID id, @RequestParam Map<String, String> parameters,
            HttpServletRequest request, Model model) {
        model.addAttribute("history", catalog.productHistory(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/products/{id}/edit")
    String editProduct(@PathVariable UUID id, Model model) {
        Permissions.require("product", "edit");
        return productForm(ProductForm.of(catalog.productView(id)), id, model);
    }

    @PostMapping("/products/{id}/edit")
    String updateProduct(@PathVariable UUID id, @Valid @ModelAttribute("form") ProductForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            ProductView saved = catalog.updateProduct(id, form.draft(), false);
            redirect.addFlashAttribute("flashSuccess", message("product.saved", saved.code()));
            return "redirect:/products/" + id;
        }, () -> productForm(form, id, model));
    }

    @PostMapping("/products/{id}/delete")
    String deleteProduct(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            ProductView product = catalog.productView(id);
            catalog.deleteProduct(id);
            redirect.addFlashAttribute("flashSuccess", message("product.deleted", product.code()));
            return "redirect:/products";
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
            return "redirect:/products/" + id;
        }
    }

    private String productForm(ProductForm form, UUID id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("productId", id);
        model.addAttribute("kinds", kinds());
        model.addAttribute("categories", catalog.categories());
        return "catalog/product-form";
    }

    private List<Option> kinds() {
        return Arrays.stream(ProductKind.values()).map(k -> new Option(k.name(), message("product.kind." + k)))
                .toList();
    }

    // --- price lists --------------------------------------------------------------------------------------------

    @GetMapping("/price-lists")
    String priceLists(@RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletRequest request, Model model) {
        model.addAttribute("page", catalog.priceLists(ListRequest.from(ListLinks.parameters(request))));
        model.addAttribute("links", ListLinks.of(request));
        if (htmx != null) {
            return "catalog/price-lists :: rows";
        }
        model.addAttribute("activeOptions", List.of(new Option("true", message("product.active.true")),
                new Option("false", message("product.active.false"))));
        return "catalog/price-lists";
    }

    @GetMapping("/price-lists/new")
    String newPriceList(Model model) {
        Permissions.require("product", "create");
        return priceListForm(new PriceListForm(), null, model);
    }

    @PostMapping("/price-lists/new")
    String createPriceList(@Valid @ModelAttribute("form") PriceListForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            PriceListView created = catalog.createPriceList(form.draft());
            redirect.addFlashAttribute("flashSuccess", message("priceList.saved", created.name()));
            return "redirect:/price-lists/" + created.id();
        }, () -> priceListForm(form, null, model));
    }

    @GetMapping("/price-lists/{id}")
    String priceList(@PathVariable UUID id, Model model) {
        PriceListView list = catalog.priceList(id);
        model.addAttribute("priceList", list);
        if (Permissions.has("product", "edit")) {
            model.addAttribute("productOptions", catalog.activeProducts().stream()
                    .map(p -> new Option(p.id().toString(), p.code() + " " + p.name() + " (" + p.listPrice() + ")"))
                    .toList());
        }
        return "catalog/price-list";
    }

    @GetMapping("/price-lists/{id}/history")
    String priceListHistory(@PathVariable UUID id, @RequestParam Map<String, String> parameters,
            HttpServletRequest request, Model model) {
        model.addAttribute("history", catalog.priceListHistory(id, ListRequest.from(parameters)));
        model.addAttribute("links", ListLinks.of(request));
        return parameters.containsKey("cursor") ? "audit/history :: rows" : "audit/history :: history";
    }

    @GetMapping("/price-lists/{id}/edit")
    String editPriceList(@PathVariable UUID id, Model model) {
        Permissions.require("product", "edit");
        return priceListForm(PriceListForm.of(catalog.priceList(id)), id, model);
    }

    @PostMapping("/price-lists/{id}/edit")
    String updatePriceList(@PathVariable UUID id, @Valid @ModelAttribute("form") PriceListForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormErrors.save(result, () -> {
            PriceListView saved = catalog.updatePriceList(id, form.draft(), false);
            redirect.addFlashAttribute("flashSuccess", message("priceList.saved", saved.name()));
            return "redirect:/price-lists/" + id;
        }, () -> priceListForm(form, id, model));
    }

    @PostMapping("/price-lists/{id}/items")
    String setPrice(@PathVariable UUID id, @RequestParam(required = false) UUID productId,
            @RequestParam(required = false) BigDecimal price, RedirectAttributes redirect) {
        try {
            catalog.setPrice(id, productId, price);
            redirect.addFlashAttribute("flashSuccess", message("priceList.price.saved"));
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/price-lists/" + id;
    }

    @PostMapping("/price-lists/{id}/items/{productId}/delete")
    String removePrice(@PathVariable UUID id, @PathVariable UUID productId, RedirectAttributes redirect) {
        catalog.removePrice(id, productId);
        redirect.addFlashAttribute("flashSuccess", message("priceList.price.removed"));
        return "redirect:/price-lists/" + id;
    }

    @PostMapping("/price-lists/{id}/delete")
    String deletePriceList(@PathVariable UUID id, RedirectAttributes redirect) {
        PriceListView list = catalog.priceList(id);
        catalog.deletePriceList(id);
        redirect.addFlashAttribute("flashSuccess", message("priceList.deleted", list.name()));
        return "redirect:/price-lists";
    }

    private String priceListForm(PriceListForm form, UUID id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("priceListId", id);
        return "catalog/price-list-form";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
