package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.catalog.Product;
import dev.parley.server.messaging.Messaging;
import dev.parley.server.shared.ProblemException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The shops and their product pages, where a buyer starts a chat with the shop. */
@Controller
class ShopPages {
    private final Accounts accounts;
    private final Catalog catalog;
    private final Messaging messaging;

    ShopPages(Accounts accounts, Catalog catalog, Messaging messaging) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.messaging = messaging;
    }

    @GetMapping("/shops")
    String shops(Model model) {
        model.addAttribute("shops", accounts.shops(200));
        return "shops";
    }

    @GetMapping("/shops/{shopId}")
    String shop(@PathVariable String shopId, Model model) {
        ShopInfo shop = accounts.shop(shopId).orElseThrow(() -> ProblemException.notFound("no shop '" + shopId + "'"));
        model.addAttribute("shop", shop);
        model.addAttribute("products", catalog.products(shopId, 200));
        return "shop";
    }

    @GetMapping("/products/{productId}")
    String product(@PathVariable String productId, Model model) {
        productModel(productId, model, "", null);
        return "product";
    }

    /** Opens the conversation about this product (or adds to the open one) and goes to it. */
    @PostMapping("/products/{productId}/chat")
    String chat(
            @AuthenticationPrincipal Actor me,
            @PathVariable String productId,
            @RequestParam(defaultValue = "") String text,
            jakarta.servlet.http.HttpServletResponse response,
            Model model) {
        Product product = productModel(productId, model, text, null);
        try {
            Messaging.Answer answer =
                    messaging.open(me, Map.of("shopId", product.shopId(), "productId", productId, "text", text));
            return "redirect:/conversations/" + answer.body().get("id");
        } catch (ProblemException refused) {
            response.setStatus(refused.status()); // the refusal is shown on the page, with its status
            productModel(productId, model, text, refused.body());
            return "product";
        }
    }

    private Product productModel(String productId, Model model, String text, @Nullable Map<String, ?> problem) {
        Product product = catalog.product(productId)
                .orElseThrow(() -> ProblemException.notFound("no product '" + productId + "'"));
        model.addAttribute("product", product);
        model.addAttribute("shop", accounts.shop(product.shopId()).orElse(null));
        model.addAttribute("text", text);
        model.addAttribute("problem", problem);
        return product;
    }
}
