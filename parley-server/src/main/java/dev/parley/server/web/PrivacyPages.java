package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.AuditLog;
import dev.parley.server.accounts.PersonalData;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.privacy.Privacy;
import dev.parley.server.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The privacy pages: the reviewers' audit log ({@code /staff/audit}, filtered by subject, actor, shop and day, paged),
 * the buyer's account page with "export my data" and "delete my account", and the seller's "show for fulfilment" of
 * an order's shipping contact, which goes through the same audited read as the API.
 */
@Controller
class PrivacyPages {
    private final Privacy privacy;
    private final AuditLog audit;
    private final Accounts accounts;
    private final SessionCookies sessions;
    private final ObjectMapper json;

    PrivacyPages(Privacy privacy, AuditLog audit, Accounts accounts, SessionCookies sessions, ObjectMapper json) {
        this.privacy = privacy;
        this.audit = audit;
        this.accounts = accounts;
        this.sessions = sessions;
        this.json = json;
    }

    @GetMapping("/staff/audit")
    String auditLog(
            @AuthenticationPrincipal Actor me,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable String actorId,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        if (!me.is(PlatformRole.REVIEWER)) {
            throw ProblemException.forbidden("only the platform's reviewers read the audit log");
        }
        List<String> errors = new ArrayList<>();
        Instant fromAt = day("from", from, 0, errors);
        Instant toAt = day("to", to, 1, errors);
        if (cursor != null && !cursor.isBlank() && !cursor.matches("[0-9a-f-]{36}")) {
            errors.add("cursor: not a cursor of this list");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        AuditLog.Page page = audit.query(
                new AuditLog.Query(blank(subjectId), blank(actorId), blank(shopId), fromAt, toAt, blank(cursor), 50));
        model.addAttribute("entries", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("subjectId", blank(subjectId));
        model.addAttribute("actorId", blank(actorId));
        model.addAttribute("shopId", blank(shopId));
        model.addAttribute("from", blank(from));
        model.addAttribute("to", blank(to));
        return "staff-audit";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("account", own(me));
        return "account";
    }

    @GetMapping("/account/export")
    ResponseEntity<String> export(@AuthenticationPrincipal Actor me, HttpServletRequest request) {
        Map<String, @Nullable Object> export = privacy.export(me, request.getRemoteAddr());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-export.json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(export));
    }

    @PostMapping("/account/erasure")
    String erase(
            @AuthenticationPrincipal Actor me,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PersonalData data = own(me);
        try {
            privacy.eraseSelf(me, password, request.getRemoteAddr());
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("account", data);
            model.addAttribute("erasureError", refused.getMessage());
            return "account";
        }
        sessions.signOut(request, response, null);
        return "redirect:/sign-in?erased";
    }

    @PostMapping("/shop/{shopId}/orders/{orderId}/shipping-contact")
    String shippingContact(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @PathVariable String orderId,
            @RequestParam(defaultValue = "fulfilment") String purpose,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("shipping", privacy.shippingContact(me, shopId, orderId, purpose, request.getRemoteAddr()));
        return "fragments/shipping :: contact";
    }

    private PersonalData own(Actor me) {
        if (!me.isBuyer() || me.userId() == null) {
            throw ProblemException.forbidden("the account page is for buyers");
        }
        return accounts.personalData(me.userId()).orElseThrow(() -> ProblemException.notFound("no such account"));
    }

    private static @Nullable Instant day(String name, @Nullable String value, int plusDays, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            errors.add(name + ": a day such as 2026-11-28");
            return null;
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
