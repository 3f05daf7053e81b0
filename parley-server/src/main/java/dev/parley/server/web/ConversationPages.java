package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.Teams;
import dev.parley.server.accounts.UserInfo;
import dev.parley.server.cases.Cases;
import dev.parley.server.cases.Disputes;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.messaging.Messaging;
import dev.parley.server.messaging.QuickReplies;
import dev.parley.server.messaging.Screening;
import dev.parley.server.messaging.VerdictView;
import dev.parley.server.moderation.DraftChecks;
import dev.parley.server.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * A conversation, live: the buyer's view, the team's view (reply clock, assignment, the checker's verdict while typing,
 * quick replies, held and blocked messages) and the staff's view. New and changed messages are fetched as fragments
 * when the WebSocket says so, so every message is rendered by the same template, as text.
 */
@Controller
@RequestMapping("/conversations")
class ConversationPages {
    private static final int MAX_MESSAGES = 1_000;
    private final Messaging messaging;
    private final Accounts accounts;
    private final Teams teams;
    private final Catalog catalog;
    private final DraftChecks checks;
    private final QuickReplies quickReplies;
    private final Cases cases;
    private final Disputes disputes;
    private final ObjectMapper json;
    private final Clock clock;

    ConversationPages(
            Messaging messaging,
            Accounts accounts,
            Teams teams,
            Catalog catalog,
            DraftChecks checks,
            QuickReplies quickReplies,
            Cases cases,
            Disputes disputes,
            ObjectMapper json,
            Clock clock) {
        this.messaging = messaging;
        this.accounts = accounts;
        this.teams = teams;
        this.catalog = catalog;
        this.checks = checks;
        this.quickReplies = quickReplies;
        this.cases = cases;
        this.disputes = disputes;
        this.json = json;
        this.clock = clock;
    }

    /** What the compose box shows after a send: the text kept on a refusal, the outcome, a fresh idempotency key. */
    record Compose(
            String text,
            String clientMessageId,
            @Nullable String outcome,
            @Nullable Map<String, ?> problem) {

        static Compose fresh(@Nullable String outcome) {
            return new Compose("", UUID.randomUUID().toString(), outcome, null);
        }
    }

    // ---------------------------------------------------------------- lists

    @GetMapping
    String list(@AuthenticationPrincipal Actor me, Model model) {
        if (me.kind() == Actor.Kind.SELLER) {
            return "redirect:/inbox";
        }
        listModel(me, model);
        return "conversations";
    }

    @GetMapping("/list")
    String listFragment(@AuthenticationPrincipal Actor me, Model model) {
        listModel(me, model);
        return "conversations :: list";
    }

    private void listModel(Actor me, Model model) {
        Messaging.Page page =
                messaging.conversations(me, new Messaging.Filter(null, 100, null, null, null, null, null));
        List<ConversationView> items =
                page.items().stream().map(c -> ConversationView.of(c, json)).toList();
        model.addAttribute("conversations", items);
        model.addAttribute("productTitles", productTitles(items));
    }

    // ---------------------------------------------------------------- the conversation

    @GetMapping("/{id}")
    String page(@AuthenticationPrincipal Actor me, @PathVariable String id, Model model) {
        pageModel(me, id, model, Compose.fresh(null));
        return "conversation";
    }

    @GetMapping("/{id}/messages")
    String messagesAfter(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        ConversationView c = ConversationView.of(messaging.conversation(me, id), json);
        List<MessageView> messages = messages(me, id, after);
        model.addAttribute("c", c);
        model.addAttribute("viewer", viewer(me, c));
        model.addAttribute("messages", messages);
        model.addAttribute("names", senderNames(messages));
        model.addAttribute("isAdmin", isAdmin(me, c));
        return "fragments/messages :: items";
    }

    @GetMapping("/{id}/messages/{messageId}")
    String message(
            @AuthenticationPrincipal Actor me, @PathVariable String id, @PathVariable String messageId, Model model) {
        ConversationView c = ConversationView.of(messaging.conversation(me, id), json);
        MessageView m = MessageView.of(messaging.message(me, id, messageId), json);
        model.addAttribute("c", c);
        model.addAttribute("viewer", viewer(me, c));
        model.addAttribute("messages", List.of(m));
        model.addAttribute("names", senderNames(List.of(m)));
        model.addAttribute("isAdmin", isAdmin(me, c));
        return "fragments/messages :: items";
    }

    @PostMapping("/{id}/messages")
    String send(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable String clientMessageId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("text", text);
        if (clientMessageId != null && !clientMessageId.isBlank()) {
            body.put("clientMessageId", clientMessageId);
        }
        Compose compose;
        try {
            Messaging.Answer answer = messaging.send(me, id, body);
            compose = switch (answer.status()) {
                case 422 -> new Compose(text, UUID.randomUUID().toString(), "blocked", answer.body());
                case 202 -> Compose.fresh("held");
                default -> {
                    MessageView sent = MessageView.of(answer.body(), json);
                    yield Compose.fresh(sent.action().equals("WARN") ? "warned" : "sent");
                }
            };
        } catch (ProblemException refused) {
            response.setStatus(refused.status()); // the refusal is shown in the form, with its status
            compose = new Compose(text, clientMessageId == null ? "" : clientMessageId, "refused", refused.body());
        }
        if (!Htmx.isHtmx(request)) {
            if (compose.problem() == null) {
                return "redirect:/conversations/" + id;
            }
            pageModel(me, id, model, compose);
            return "conversation";
        }
        Htmx.trigger(response, "parley:messages");
        ConversationView c = ConversationView.of(messaging.conversation(me, id), json);
        composeModel(me, c, model, compose);
        return "fragments/compose :: compose";
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal Actor me, @PathVariable String id) {
        messaging.markRead(me, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/summary")
    String summary(@AuthenticationPrincipal Actor me, @PathVariable String id, Model model) {
        ConversationView c = ConversationView.of(messaging.conversation(me, id), json);
        summaryModel(me, c, model);
        return "fragments/summary :: summary";
    }

    @PostMapping("/{id}/assignee")
    String assign(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String assigneeId,
            HttpServletRequest request,
            Model model) {
        Map<String, @Nullable Object> change = new HashMap<>();
        change.put("assigneeId", assigneeId.isBlank() ? null : assigneeId.equals("me") ? me.userId() : assigneeId);
        messaging.change(me, id, change);
        return afterChange(me, id, request, model);
    }

    @PostMapping("/{id}/status")
    String status(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @RequestParam String status,
            HttpServletRequest request,
            Model model) {
        messaging.change(me, id, Map.of("status", status));
        return afterChange(me, id, request, model);
    }

    private String afterChange(Actor me, String id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/conversations/" + id;
        }
        return summary(me, id, model);
    }

    @PostMapping("/{id}/messages/{messageId}/retract")
    String retract(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @PathVariable String messageId,
            HttpServletRequest request,
            Model model) {
        messaging.retract(me, id, messageId);
        if (!Htmx.isHtmx(request)) {
            return "redirect:/conversations/" + id;
        }
        return message(me, id, messageId, model);
    }

    /** Files an abuse report of the buyer's messages selected in the conversation (clause 4.3), with frozen evidence. */
    @PostMapping("/{id}/abuse-reports")
    String reportAbuse(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable List<String> messageIds,
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ConversationView c = ConversationView.of(messaging.conversation(me, id), json);
        try {
            Map<String, @Nullable Object> report = cases.reportAbuse(
                    me,
                    c.shopId(),
                    id,
                    messageIds == null ? List.of() : messageIds,
                    category.isBlank() ? null : category,
                    note.isBlank() ? null : note);
            model.addAttribute("report", report);
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("problem", refused.body());
        }
        if (!Htmx.isHtmx(request)) {
            pageModel(me, id, model, Compose.fresh(null));
            return "conversation";
        }
        model.addAttribute("c", c);
        model.addAttribute("categories", ABUSE_CATEGORIES);
        return "fragments/report :: report";
    }

    /** The buyer or a member of the shop's team escalates the conversation to a platform arbitrator. */
    @PostMapping("/{id}/disputes")
    String escalate(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            HttpServletResponse response,
            Model model) {
        try {
            disputes.open(me, id, reason.isBlank() ? null : reason);
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            pageModel(me, id, model, Compose.fresh(null));
            model.addAttribute("disputeProblem", refused.body());
            model.addAttribute("disputeReason", reason);
            return "conversation";
        }
        return "redirect:/conversations/" + id;
    }

    /** An admin contests the verdict of a seller message; a reviewer decides. */
    @PostMapping("/{id}/messages/{messageId}/contest")
    String contest(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @PathVariable String messageId,
            @RequestParam(defaultValue = "") String statement,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ConversationView c = ConversationView.of(messaging.conversation(me, id), json);
        try {
            cases.contest(me, c.shopId(), messageId, statement.isBlank() ? null : statement);
            model.addAttribute("contested", messageId);
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("problem", refused.body());
        }
        if (!Htmx.isHtmx(request)) {
            return "redirect:/conversations/" + id;
        }
        return message(me, id, messageId, model);
    }

    /** The verdict the draft would get, with the flagged words marked (the page calls this as the agent types). */
    @PostMapping("/{id}/check")
    String check(
            @AuthenticationPrincipal Actor me,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String text,
            Model model) {
        if (text.isBlank()) {
            return "fragments/verdict :: empty";
        }
        Screening screened = checks.check(me, text, null, id, null);
        model.addAttribute("verdict", screened.verdict());
        model.addAttribute("placeholder", screened.placeholder());
        model.addAttribute("pieces", Highlights.pieces(text, screened.verdict().violations()));
        return "fragments/verdict :: verdict";
    }

    // ---------------------------------------------------------------- models

    private void pageModel(Actor me, String id, Model model, Compose compose) {
        ConversationView c = ConversationView.of(messaging.conversation(me, id), json);
        String viewer = viewer(me, c);
        if (!viewer.equals("staff")) {
            c = ConversationView.of(messaging.markRead(me, id), json);
        }
        List<MessageView> messages = messages(me, id, null);
        model.addAttribute("c", c);
        model.addAttribute("viewer", viewer);
        model.addAttribute("messages", messages);
        model.addAttribute("names", senderNames(messages));
        model.addAttribute("shop", accounts.shop(c.shopId()).orElse(null));
        model.addAttribute(
                "product",
                c.productId() == null ? null : catalog.product(c.productId()).orElse(null));
        model.addAttribute(
                "order", c.orderId() == null ? null : catalog.order(c.orderId()).orElse(null));
        model.addAttribute("isAdmin", isAdmin(me, c));
        model.addAttribute("categories", ABUSE_CATEGORIES);
        List<Map<String, @Nullable Object>> all = disputes.ofConversation(me, id);
        boolean undecided = all.stream().anyMatch(d -> !"DECIDED".equals(d.get("status")));
        model.addAttribute("disputes", all);
        model.addAttribute(
                "canEscalate",
                !undecided
                        && c.status().equals("OPEN")
                        && !me.isApiClient()
                        && (viewer.equals("buyer") || viewer.equals("team")));
        model.addAttribute("isArbitrator", me.is(dev.parley.server.accounts.PlatformRole.ARBITRATOR));
        summaryModel(me, c, model);
        composeModel(me, c, model, compose);
    }

    private void summaryModel(Actor me, ConversationView c, Model model) {
        String viewer = viewer(me, c);
        model.addAttribute("c", c);
        model.addAttribute("viewer", viewer);
        Instant now = clock.instant();
        model.addAttribute("deadline", c.deadline(now));
        if (viewer.equals("team")) {
            List<Teams.Member> team = teams.members(me, c.shopId());
            model.addAttribute("team", team);
            model.addAttribute(
                    "assigneeName",
                    c.assigneeId() == null
                            ? null
                            : accounts.user(c.assigneeId())
                                    .map(UserInfo::displayName)
                                    .orElse(c.assigneeId()));
            model.addAttribute("contact", accounts.maskedContact(c.buyer().id()).orElse(null));
            model.addAttribute("canWrite", me.mayWrite(c.shopId()));
        }
    }

    private void composeModel(Actor me, ConversationView c, Model model, Compose compose) {
        String viewer = viewer(me, c);
        model.addAttribute("c", c);
        model.addAttribute("viewer", viewer);
        model.addAttribute("compose", compose);
        model.addAttribute(
                "arbitrating",
                viewer.equals("staff")
                        && me.is(dev.parley.server.accounts.PlatformRole.ARBITRATOR)
                        && c.status().equals("ESCALATED")
                        && me.userId() != null
                        && me.userId().equals(c.arbitratorId()));
        model.addAttribute("windowClosed", viewer.equals("team") && c.windowClosed(clock.instant()));
        model.addAttribute(
                "closesMillis",
                c.windowClosesAt() == null ? null : c.windowClosesAt().toEpochMilli());
        if (compose.problem() != null && compose.problem().get("verdict") != null) {
            VerdictView verdict = json.convertValue(compose.problem().get("verdict"), VerdictView.class);
            model.addAttribute("refusedVerdict", verdict);
            model.addAttribute("refusedPieces", Highlights.pieces(compose.text(), verdict.violations()));
        }
        if (viewer.equals("team")) {
            model.addAttribute("quickReplies", quickReplies.list(me, c.shopId()));
        }
    }

    /** Whether {@code me} is an admin or the owner of the conversation's shop (they contest verdicts). */
    static boolean isAdmin(Actor me, ConversationView c) {
        return !me.isApiClient()
                && me.roleIn(c.shopId())
                        .map(r -> r.atLeast(dev.parley.server.accounts.ShopRole.ADMIN))
                        .orElse(false);
    }

    /** What an abuse report may say of the buyer's messages (the cases module's categories). */
    static final List<String> ABUSE_CATEGORIES = List.of(
            "bullying",
            "harassment",
            "obscene",
            "threatening",
            "malicious",
            "unreasonable_refund_demand",
            "unreasonable_discount_demand",
            "advertising",
            "irrelevant");

    /** {@code buyer}, {@code team} or {@code staff}: which view of the conversation {@code me} has. */
    static String viewer(Actor me, ConversationView c) {
        if (me.isBuyer()) {
            return "buyer";
        }
        if (me.roleIn(c.shopId()).isPresent()) {
            return "team";
        }
        return "staff";
    }

    private List<MessageView> messages(Actor me, String id, @Nullable String after) {
        List<MessageView> all = new ArrayList<>();
        String cursor = after;
        do {
            Messaging.Page page = messaging.messages(me, id, cursor, 200);
            page.items().forEach(m -> all.add(MessageView.of(m, json)));
            cursor = page.next();
        } while (cursor != null && all.size() < MAX_MESSAGES);
        return all;
    }

    /** The display handles of the senders, by user id. */
    private Map<String, String> senderNames(List<MessageView> messages) {
        Set<String> ids = new HashSet<>();
        for (MessageView m : messages) {
            if (m.senderId() != null) {
                ids.add(m.senderId());
            }
        }
        Map<String, String> names = new HashMap<>();
        accounts.users(ids).forEach((userId, user) -> names.put(userId, user.displayName()));
        return names;
    }

    private Map<String, String> productTitles(List<ConversationView> conversations) {
        Map<String, String> titles = new HashMap<>();
        for (ConversationView c : conversations) {
            if (c.productId() != null && !titles.containsKey(c.productId())) {
                catalog.product(c.productId()).ifPresent(p -> titles.put(p.id(), p.title()));
            }
        }
        return titles;
    }
}
