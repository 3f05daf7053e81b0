package dev.parley.server.accounts.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.AuditEntry;
import dev.parley.server.accounts.AuditLog;
import dev.parley.server.accounts.PersonalData;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for platform reviewers ({@code GET /api/v1/review/audit-log}), and the staff's own audited read of a
 * user's contact data ({@code GET /api/v1/review/users/{id}/contact?purpose=…}).
 */
@RestController
@RequestMapping("/api/v1/review")
class AuditController {
    /** Why staff may read a user's contact data. */
    static final Set<String> STAFF_PURPOSES = Set.of("dispute", "abuse_report", "legal_request", "support");

    private final AuditLog audit;
    private final Accounts accounts;

    AuditController(AuditLog audit, Accounts accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @GetMapping("/audit-log")
    Map<String, Object> auditLog(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(required = false) @Nullable String actorId,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit) {
        if (!actor.is(PlatformRole.REVIEWER)) {
            throw ProblemException.forbidden("only the platform's reviewers read the audit log");
        }
        List<String> errors = new ArrayList<>();
        Instant fromAt = instant("from", from, errors);
        Instant toAt = instant("to", to, errors);
        int size = 50;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
                if (size < 1 || size > 200) {
                    errors.add("limit: between 1 and 200");
                }
            } catch (NumberFormatException e) {
                errors.add("limit: a number between 1 and 200");
            }
        }
        if (cursor != null && !cursor.matches("[0-9a-f-]{36}")) {
            errors.add("cursor: not a cursor of this list");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        AuditLog.Page page = audit.query(
                new AuditLog.Query(blank(subjectId), blank(actorId), blank(shopId), fromAt, toAt, cursor, size));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(AuditEntry::view).toList());
        body.put("next", page.next());
        return body;
    }

    @GetMapping("/users/{userId}/contact")
    @Transactional
    Map<String, @Nullable Object> contact(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String userId,
            @RequestParam(required = false) @Nullable String purpose,
            HttpServletRequest request) {
        if (!actor.is(PlatformRole.REVIEWER) && !actor.is(PlatformRole.ARBITRATOR)) {
            throw ProblemException.forbidden("only reviewers and arbitrators read a user's contact data");
        }
        if (purpose == null || !STAFF_PURPOSES.contains(purpose)) {
            throw ProblemException.invalid("purpose: one of "
                    + String.join(", ", STAFF_PURPOSES.stream().sorted().toList()));
        }
        PersonalData data =
                accounts.personalData(userId).orElseThrow(() -> ProblemException.notFound("no user '" + userId + "'"));
        List<String> fields = new ArrayList<>();
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("id", data.id());
        body.put("displayName", data.displayName());
        body.put("legalName", data.legalName());
        body.put("email", data.email());
        body.put("phone", data.phone());
        body.put("erasedAt", data.erasedAt());
        for (String field : List.of("legalName", "email", "phone")) {
            if (body.get(field) != null) {
                fields.add(field);
            }
        }
        AuditEntry entry = audit.record(
                actor,
                new AuditLog.Event("contact.read", null, userId, fields, null, purpose, request.getRemoteAddr(), null));
        body.put("auditId", entry.id());
        return body;
    }

    private static @Nullable Instant instant(String name, @Nullable String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(name + ": an ISO-8601 instant such as 2026-11-28T00:00:00Z");
            return null;
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
