package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.messaging.Messaging;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * The shop's inbox: conversations in the API's order (awaiting a reply, by deadline, the overdue ones next, then the
 * rest by last message), with live countdowns, unread counts, who has taken each, filters and search.
 */
@Controller
@RequestMapping("/inbox")
class InboxPages {
    private static final int PAGE = 50;
    private final Messaging messaging;
    private final Accounts accounts;
    private final Catalog catalog;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    InboxPages(Messaging messaging, Accounts accounts, Catalog catalog, ObjectMapper json, java.time.Clock clock) {
        this.messaging = messaging;
        this.accounts = accounts;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The filters as the form sends them.
     *
     * @param awaiting {@code yes}, {@code no} or empty
     * @param assignee {@code me}, {@code none} or empty
     */
    record Filters(
            @Nullable String shopId,
            @Nullable String awaiting,
            @Nullable String status,
            @Nullable String assignee,
            @Nullable String q) {

        Messaging.Filter toFilter(@Nullable String cursor) {
            return new Messaging.Filter(
                    cursor,
                    PAGE,
                    blank(awaiting) ? null : awaiting.equals("yes"),
                    blank(status) ? null : status,
                    blank(shopId) ? null : shopId,
                    blank(assignee) ? null : assignee,
                    blank(q) ? null : q);
        }

        /** The query string of these filters with the cursor of the next page. */
        String next(String cursor) {
            return UriComponentsBuilder.fromPath("/inbox/list")
                    .queryParamIfPresent("shopId", java.util.Optional.ofNullable(shopId))
                    .queryParamIfPresent("awaiting", java.util.Optional.ofNullable(awaiting))
                    .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                    .queryParamIfPresent("assignee", java.util.Optional.ofNullable(assignee))
                    .queryParamIfPresent("q", java.util.Optional.ofNullable(q))
                    .queryParam("cursor", cursor)
                    .encode()
                    .build()
                    .toUriString();
        }

        private static boolean blank(@Nullable String value) {
            return value == null || value.isBlank();
        }
    }

    @GetMapping
    String inbox(
            @AuthenticationPrincipal Actor me,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String awaiting,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String q,
            Model model) {
        if (me.kind() != Actor.Kind.SELLER) {
            return "redirect:/";
        }
        Filters filters = new Filters(shopId, awaiting, status, assignee, q);
        model.addAttribute("filters", filters);
        listModel(me, filters, null, model);
        return "inbox";
    }

    @GetMapping("/list")
    String list(
            @AuthenticationPrincipal Actor me,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String awaiting,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        Filters filters = new Filters(shopId, awaiting, status, assignee, q);
        listModel(me, filters, cursor, model);
        return cursor == null ? "inbox :: list" : "inbox :: rows";
    }

    private void listModel(Actor me, Filters filters, @Nullable String cursor, Model model) {
        Messaging.Page page = messaging.conversations(me, filters.toFilter(cursor));
        List<ConversationView> rows =
                page.items().stream().map(c -> ConversationView.of(c, json)).toList();
        Instant now = clock.instant();
        Map<String, Deadline> deadlines = new HashMap<>();
        Set<String> people = new HashSet<>();
        Map<String, String> products = new HashMap<>();
        for (ConversationView c : rows) {
            deadlines.put(c.id(), c.deadline(now));
            if (c.assigneeId() != null) {
                people.add(c.assigneeId());
            }
            if (c.productId() != null) {
                catalog.product(c.productId()).ifPresent(p -> products.put(p.id(), p.title()));
            }
        }
        Map<String, String> names = new HashMap<>();
        accounts.users(people).forEach((id, u) -> names.put(id, u.displayName()));
        model.addAttribute("rows", rows);
        model.addAttribute("deadlines", deadlines);
        model.addAttribute("names", names);
        model.addAttribute("products", products);
        model.addAttribute("filters", filters);
        model.addAttribute("nextUrl", page.next() == null ? null : filters.next(page.next()));
        model.addAttribute("manyShops", me.shops().size() > 1);
        model.addAttribute("meId", me.userId());
    }
}
