package dev.parley.server.catalog.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.catalog.Order;
import dev.parley.server.catalog.OrderUpserted;
import dev.parley.server.catalog.Product;
import dev.parley.server.catalog.ProductUpserted;
import dev.parley.server.catalog.ShippingAddress;
import dev.parley.server.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Products and orders: read by whoever may see them, upserted by the operator's integration API. */
@RestController
@RequestMapping("/api/v1")
class CatalogController {
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private final CatalogStore store;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogController(CatalogStore store, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    record ProductBody(
            @NotBlank @Size(max = 64) String shopId,
            @NotBlank @Size(max = 300) String title,

            @Nullable @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
            String language,

            @Nullable @DecimalMin("0") BigDecimal price,
            @Nullable @Pattern(regexp = "[A-Za-z]{3}") String currency,
            @Nullable @Min(0) Integer returnDays,
            @Nullable Boolean freeReturns,
            @Nullable @Min(0) Integer warrantyMonths) {}

    record LineBody(
            @NotBlank String productId, @NotNull @Min(1) Integer quantity) {}

    record AddressBody(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String line1,
            @Nullable @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}") String country,

            @Nullable @Size(max = 64) @Pattern(regexp = "[+0-9 ()./-]{3,64}")
            String phone) {}

    record OrderBody(
            @NotBlank String shopId,
            @NotBlank String buyerId,
            @Nullable @Size(max = 32) String status,
            @Nullable Instant placedAt,
            @NotEmpty @Valid List<@NotNull LineBody> lines,
            @Nullable @Valid AddressBody shippingAddress) {}

    @GetMapping("/products/{id}")
    Product product(@PathVariable String id) {
        return store.product(id).orElseThrow(() -> ProblemException.notFound("no product '" + id + "'"));
    }

    @GetMapping("/orders/{id}")
    Order order(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        Order order = store.order(id).orElseThrow(() -> ProblemException.notFound("no order '" + id + "'"));
        boolean visible = actor.isStaff()
                || (actor.isBuyer() && order.buyerId().equals(actor.userId()))
                || actor.mayRead(order.shopId());
        if (!visible) {
            throw ProblemException.notFound("no order '" + id + "'");
        }
        return order;
    }

    @PutMapping("/operator/products/{id}")
    @Transactional
    ResponseEntity<Product> upsertProduct(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @Validated @RequestBody ProductBody body) {
        requireOperator(actor, id);
        if (accounts.shop(body.shopId()).isEmpty()) {
            throw ProblemException.invalid("shopId: no shop '" + body.shopId() + "'");
        }
        Product product = new Product(
                id,
                body.shopId(),
                body.title(),
                body.language(),
                body.price(),
                body.currency() == null ? null : body.currency().toUpperCase(Locale.ROOT),
                body.returnDays(),
                body.freeReturns(),
                body.warrantyMonths());
        boolean created = store.upsertProduct(product);
        events.publishEvent(new ProductUpserted(product.shopId(), id, created));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(store.product(id).orElse(product));
    }

    @PutMapping("/operator/orders/{id}")
    @Transactional
    ResponseEntity<Order> upsertOrder(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @Validated @RequestBody OrderBody body) {
        requireOperator(actor, id);
        List<String> errors = new ArrayList<>();
        if (accounts.shop(body.shopId()).isEmpty()) {
            errors.add("shopId: no shop '" + body.shopId() + "'");
        }
        if (accounts.user(body.buyerId())
                .filter(u -> u.kind() == Actor.Kind.BUYER)
                .isEmpty()) {
            errors.add("buyerId: no buyer '" + body.buyerId() + "'");
        }
        for (LineBody line : body.lines()) {
            if (store.product(line.productId())
                    .filter(p -> p.shopId().equals(body.shopId()))
                    .isEmpty()) {
                errors.add("lines: no product '" + line.productId() + "' in shop '" + body.shopId() + "'");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        if (body.shippingAddress() != null
                && accounts.personalData(body.buyerId())
                        .filter(p -> p.erasedAt() != null)
                        .isPresent()) {
            throw new ProblemException(
                    409, "conflict", "Conflict", "buyer '" + body.buyerId() + "' was erased: no shipping address");
        }
        Order order = new Order(
                id,
                body.shopId(),
                body.buyerId(),
                body.status() == null ? "PLACED" : body.status(),
                body.placedAt() == null
                        ? Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                        : body.placedAt(),
                body.lines().stream()
                        .map(l -> new Order.Line(l.productId(), l.quantity()))
                        .toList());
        boolean created = store.upsertOrder(order);
        AddressBody a = body.shippingAddress();
        store.setShippingAddress(
                id,
                a == null
                        ? null
                        : new ShippingAddress(
                                a.name().strip(),
                                a.line1().strip(),
                                a.line2() == null || a.line2().isBlank()
                                        ? null
                                        : a.line2().strip(),
                                a.city().strip(),
                                a.postalCode().strip(),
                                a.country().toUpperCase(Locale.ROOT),
                                a.phone() == null || a.phone().isBlank()
                                        ? null
                                        : a.phone().strip()));
        events.publishEvent(new OrderUpserted(order.shopId(), id, order.buyerId(), created));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(order);
    }

    private static void requireOperator(Actor actor, String id) {
        if (!actor.is(PlatformRole.OPERATOR)) {
            throw ProblemException.forbidden("only the platform's operators use the integration API");
        }
        if (!id.matches(ID)) {
            throw ProblemException.invalid("id: letters, digits and . _ : - only, at most 64 characters");
        }
    }
}
