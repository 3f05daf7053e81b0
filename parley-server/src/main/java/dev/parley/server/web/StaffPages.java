package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.cases.Cases;
import dev.parley.server.cases.Disputes;
import dev.parley.server.messaging.VerdictView;
import dev.parley.server.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The platform reviewers' pages: the review queue of held messages (release or reject), abuse reports with their
 * frozen evidence (verify or reject), appeals of enforcement actions (grant or deny), and every shop's violations and
 * enforcement actions (record one, start one). Each decision answers with the item as it now stands. The arbitrators'
 * disputes (take one, then write in its conversation as the platform, decide it) and the e-mail outbox.
 */
@Controller
@RequestMapping("/staff")
class StaffPages {
    private static final Cases.Paging PAGE = new Cases.Paging(null, 100);
    private final Cases cases;
    private final Disputes disputes;
    private final Accounts accounts;
    private final ObjectMapper json;

    StaffPages(Cases cases, Disputes disputes, Accounts accounts, ObjectMapper json) {
        this.cases = cases;
        this.disputes = disputes;
        this.accounts = accounts;
        this.json = json;
    }

    /** A held message as the queue shows it: the API's item, its verdict, and the text cut where the checker flagged. */
    record Held(
            Map<String, @Nullable Object> item, @Nullable VerdictView verdict, List<Highlights.Piece> pieces) {}

    @GetMapping
    String home(@AuthenticationPrincipal Actor me, Model model) {
        if (me.is(PlatformRole.REVIEWER)) {
            return "redirect:/staff/review";
        }
        if (me.is(PlatformRole.ARBITRATOR)) {
            return "redirect:/staff/disputes";
        }
        if (!me.isStaff()) {
            throw ProblemException.forbidden("the staff pages are for the platform's staff");
        }
        return "staff";
    }

    // ---------------------------------------------------------------- review queue

    @GetMapping("/review")
    String review(
            @AuthenticationPrincipal Actor me,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        Cases.Page page = cases.reviewHeldMessages(me, blank(shopId), new Cases.Paging(blank(cursor), 50));
        List<Held> held = new ArrayList<>();
        for (Map<String, @Nullable Object> item : page.items()) {
            held.add(held(item));
        }
        model.addAttribute("held", held);
        model.addAttribute("waits", cases.queueWaits(me));
        model.addAttribute("shopNames", shopNames(page.items(), "message"));
        filterModel(shopId, page.next(), model);
        return "staff-review";
    }

    @PostMapping("/review/{messageId}/release")
    String release(
            @AuthenticationPrincipal Actor me,
            @PathVariable String messageId,
            @RequestParam(defaultValue = "") String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return decided(request, response, model, "/staff/review", () -> cases.release(me, messageId, blank(note)));
    }

    @PostMapping("/review/{messageId}/reject")
    String reject(
            @AuthenticationPrincipal Actor me,
            @PathVariable String messageId,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String rule,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return decided(
                request,
                response,
                model,
                "/staff/review",
                () -> cases.reject(me, messageId, blank(reason), blank(rule), null));
    }

    // ---------------------------------------------------------------- abuse reports

    @GetMapping("/abuse-reports")
    String abuseReports(
            @AuthenticationPrincipal Actor me,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        List<Map<String, @Nullable Object>> reports = new ArrayList<>();
        Cases.Page page = cases.reviewAbuseReports(me, blank(shopId), "PENDING", new Cases.Paging(blank(cursor), 50));
        for (Map<String, @Nullable Object> r : page.items()) {
            reports.add(cases.abuseReport(me, (String) r.get("shopId"), (String) r.get("id")));
        }
        model.addAttribute("reports", reports);
        model.addAttribute("shopNames", shopNames(reports, null));
        filterModel(shopId, page.next(), model);
        return "staff-reports";
    }

    @PostMapping("/abuse-reports/{reportId}/{decision:verify|reject}")
    String decideReport(
            @AuthenticationPrincipal Actor me,
            @PathVariable String reportId,
            @PathVariable String decision,
            @RequestParam(defaultValue = "") String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return decided(
                request,
                response,
                model,
                "/staff/abuse-reports",
                () -> cases.decideAbuseReport(me, reportId, decision.equals("verify"), blank(note)));
    }

    // ---------------------------------------------------------------- appeals

    @GetMapping("/appeals")
    String appeals(
            @AuthenticationPrincipal Actor me,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        Cases.Page page = cases.appeals(me, blank(shopId), "PENDING", new Cases.Paging(blank(cursor), 50));
        model.addAttribute("appeals", page.items());
        model.addAttribute("shopNames", shopNames(page.items(), null));
        filterModel(shopId, page.next(), model);
        return "staff-appeals";
    }

    @PostMapping("/appeals/{appealId}/{decision:grant|deny}")
    String decideAppeal(
            @AuthenticationPrincipal Actor me,
            @PathVariable String appealId,
            @PathVariable String decision,
            @RequestParam(defaultValue = "") String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return decided(
                request,
                response,
                model,
                "/staff/appeals",
                () -> cases.decideAppeal(me, appealId, decision.equals("grant"), blank(note)));
    }

    // ---------------------------------------------------------------- disputes (arbitrators)

    @GetMapping("/disputes")
    String disputes(
            @AuthenticationPrincipal Actor me,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        Cases.Page page = disputes.queue(me, blank(status), blank(shopId), new Cases.Paging(blank(cursor), 50));
        model.addAttribute("disputes", page.items());
        model.addAttribute("shopNames", shopNames(page.items(), null));
        model.addAttribute("status", blank(status));
        model.addAttribute("outcomes", List.of("BUYER_FAVOURED", "SELLER_FAVOURED", "SETTLED"));
        model.addAttribute("waits", cases.queueWaits(me));
        filterModel(shopId, page.next(), model);
        return "staff-disputes";
    }

    @PostMapping("/disputes/{disputeId}/take")
    String takeDispute(@AuthenticationPrincipal Actor me, @PathVariable String disputeId, RedirectAttributes flash) {
        try {
            disputes.take(me, disputeId);
        } catch (ProblemException refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            flash.addFlashAttribute("problem", refused.body());
        }
        return "redirect:/staff/disputes";
    }

    @PostMapping("/disputes/{disputeId}/decide")
    String decideDispute(
            @AuthenticationPrincipal Actor me,
            @PathVariable String disputeId,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String decision,
            RedirectAttributes flash) {
        try {
            disputes.decide(me, disputeId, blank(outcome), blank(decision));
            flash.addFlashAttribute("done", "decided");
        } catch (ProblemException refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            flash.addFlashAttribute("problem", refused.body());
        }
        return "redirect:/staff/disputes";
    }

    // ---------------------------------------------------------------- the e-mail outbox (reviewers, arbitrators)

    @GetMapping("/outbox")
    String outbox(
            @AuthenticationPrincipal Actor me,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        Cases.Page page = disputes.outbox(me, blank(to), null, new Cases.Paging(blank(cursor), 50));
        model.addAttribute("mails", page.items());
        model.addAttribute("to", blank(to));
        model.addAttribute("next", page.next());
        return "staff-outbox";
    }

    // ---------------------------------------------------------------- violations and enforcement

    @GetMapping("/enforcement")
    String enforcement(
            @AuthenticationPrincipal Actor me, @RequestParam(required = false) @Nullable String shopId, Model model) {
        enforcementModel(me, blank(shopId), model);
        model.addAttribute("shopId", blank(shopId));
        return "staff-enforcement";
    }

    @PostMapping("/enforcement/violations")
    String recordViolation(
            @AuthenticationPrincipal Actor me,
            @RequestParam(defaultValue = "") String messageId,
            @RequestParam(defaultValue = "") String rule,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return enforcementChange(me, request, response, model, () -> {
            cases.recordViolation(me, blank(messageId), blank(rule), blank(kind), blank(note));
            return "violation";
        });
    }

    @PostMapping("/enforcement/actions")
    String startAction(
            @AuthenticationPrincipal Actor me,
            @RequestParam(defaultValue = "") String shopId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return enforcementChange(me, request, response, model, () -> {
            cases.startAction(me, blank(shopId), blank(kind), days, blank(reason));
            return "action";
        });
    }

    private String enforcementChange(
            Actor me, HttpServletRequest request, HttpServletResponse response, Model model, Supplier<String> change) {
        try {
            model.addAttribute("done", change.get());
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("problem", refused.body());
        }
        enforcementModel(me, null, model);
        return Htmx.isHtmx(request) ? "staff-enforcement :: panel" : "staff-enforcement";
    }

    /** The shop filter of a queue page and the cursor of its next page. */
    private void filterModel(@Nullable String shopId, @Nullable String next, Model model) {
        model.addAttribute("shopId", blank(shopId));
        model.addAttribute("next", next);
        model.addAttribute("shops", accounts.shops(500));
    }

    private void enforcementModel(Actor me, @Nullable String shopId, Model model) {
        List<Map<String, @Nullable Object>> violations =
                cases.reviewViolations(me, shopId, null, PAGE).items();
        List<Map<String, @Nullable Object>> actions =
                cases.reviewEnforcementActions(me, shopId, PAGE).items();
        List<Map<String, @Nullable Object>> all = new ArrayList<>(violations);
        all.addAll(actions);
        model.addAttribute("violations", violations);
        model.addAttribute("actions", actions);
        model.addAttribute("shopNames", shopNames(all, null));
        model.addAttribute("shops", accounts.shops(500));
        model.addAttribute(
                "rules",
                List.of(
                        "off_platform_contact",
                        "abusive_language",
                        "review_manipulation",
                        "unsolicited_marketing",
                        "language_mismatch",
                        "misleading_claim",
                        "terms_downgrade",
                        "prohibited_use"));
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a decision; answers with the decided item (htmx: it replaces the item) or goes back to the list. */
    private String decided(
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            String back,
            Supplier<Map<String, @Nullable Object>> decision) {
        try {
            model.addAttribute("decided", decision.get());
        } catch (ProblemException refused) {
            if (!Htmx.isHtmx(request)) {
                throw refused; // a plain form shows the refusal with its status, not a silent redirect
            }
            response.setStatus(refused.status());
            model.addAttribute("problem", refused.body());
        }
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + back;
        }
        return "fragments/decided :: decided";
    }

    private Held held(Map<String, @Nullable Object> item) {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> message = (Map<String, @Nullable Object>) item.get("message");
        Object rawVerdict = message == null ? null : message.get("verdict");
        VerdictView verdict = rawVerdict == null ? null : json.convertValue(rawVerdict, VerdictView.class);
        Object checker = item.get("checkerVerdict");
        VerdictView shown = checker != null ? json.convertValue(checker, VerdictView.class) : verdict;
        String text = message == null ? "" : String.valueOf(message.get("text"));
        return new Held(item, shown, Highlights.pieces(text, shown == null ? List.of() : shown.violations()));
    }

    /** The names of the shops these items belong to ({@code shopId} of the item, or of its {@code nested} map). */
    private Map<String, String> shopNames(List<Map<String, @Nullable Object>> items, @Nullable String nested) {
        Map<String, String> names = new HashMap<>();
        for (Map<String, @Nullable Object> item : items) {
            Object source = nested == null ? item : item.get(nested);
            if (source instanceof Map<?, ?> map && map.get("shopId") instanceof String shopId) {
                names.computeIfAbsent(
                        shopId, id -> accounts.shop(id).map(ShopInfo::name).orElse(id));
            }
        }
        return names;
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
