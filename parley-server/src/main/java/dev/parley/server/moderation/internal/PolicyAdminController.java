package dev.parley.server.moderation.internal;

import dev.parley.core.policy.PolicyConfig;
import dev.parley.core.policy.Rule;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.shared.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The operator's policy management (platform operators only; others {@code 403}): the active policy, validation of a
 * candidate, activation (re-reading {@code parley.policy.file}, or a text in the body), the history of activations,
 * activating an earlier one again (rollback), and dry runs of a candidate over stored messages. A candidate is sent either as JSON {@code {"text": "<yaml>", …}}
 * or as the raw YAML body ({@code Content-Type: application/yaml} or {@code text/plain}) with the other fields as
 * query parameters. Request bodies are limited by {@code parley.limits.max-body-bytes}; longer policies go through the
 * file.
 */
@RestController
@RequestMapping("/api/v1/policy")
class PolicyAdminController {
    private final ActivePolicy active;
    private final PolicyAdmin admin;
    private final PolicyStore store;
    private final PolicyFile file;
    private final PolicyDryRun dryRun;
    private final ObjectMapper json;

    PolicyAdminController(
            ActivePolicy active,
            PolicyAdmin admin,
            PolicyStore store,
            PolicyFile file,
            PolicyDryRun dryRun,
            ObjectMapper json) {
        this.active = active;
        this.admin = admin;
        this.store = store;
        this.file = file;
        this.dryRun = dryRun;
        this.json = json;
    }

    /** A request body: the candidate text (null when none was sent) and the JSON fields beside it. */
    private record Body(@Nullable String text, @Nullable JsonNode fields) {

        @Nullable
        String field(String name) {
            JsonNode node = fields == null ? null : fields.get(name);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    @GetMapping
    Map<String, Object> activePolicy(@AuthenticationPrincipal Actor actor) {
        operator(actor);
        PolicyRecord record = store.active().orElseThrow();
        ActivePolicy.Installed here = active.current();
        PolicyConfig config = record.seq() == here.seq()
                ? here.compiled().config()
                : admin.compile(record.text(), "activation " + record.seq()).config();
        Map<String, Object> out = activation(record);
        out.putAll(summary(config));
        out.put("text", record.text());
        out.put("thisNode", Map.of("seq", here.seq(), "version", here.version()));
        out.put("file", fileState(record));
        return out;
    }

    @PostMapping("/validate")
    Map<String, Object> validate(
            @AuthenticationPrincipal Actor actor,
            @RequestBody(required = false) @Nullable String raw,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType) {
        operator(actor);
        Body body = body(raw, contentType);
        CompiledPolicy candidate = admin.compile(requireText(body), "candidate");
        String conflict = admin.versionConflict(candidate);
        if (conflict != null) {
            throw ProblemException.invalid("the policy cannot be activated: " + conflict, List.of(conflict));
        }
        ActivePolicy.Installed now = active.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", true);
        out.putAll(summary(candidate.config()));
        out.put("sameAsActive", candidate.sha256().equals(now.record().sha256()));
        out.put("changes", changes(now.compiled().config(), candidate.config()));
        return out;
    }

    @PostMapping("/reload")
    Map<String, Object> reload(
            @AuthenticationPrincipal Actor actor,
            @RequestBody(required = false) @Nullable String raw,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType) {
        operator(actor);
        Body body = body(raw, contentType);
        String by = by(actor);
        return activated(body.text() == null ? admin.reloadFile(by) : admin.activateText(body.text(), by));
    }

    private Map<String, Object> activated(PolicyAdmin.Activation done) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changed", done.changed());
        Map<String, Object> policy = activation(done.active());
        policy.putAll(summary(active.current().compiled().config()));
        out.put("policy", policy);
        out.put("previous", done.previous() == null ? null : activation(done.previous()));
        return out;
    }

    @GetMapping("/history")
    Map<String, Object> history(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        operator(actor);
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalid("limit: between 1 and 200");
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor: not a cursor of this list");
            }
        }
        long activeSeq = store.activeSeq();
        List<PolicyRecord> rows = store.history(before, limit + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        for (PolicyRecord r : rows.subList(0, Math.min(limit, rows.size()))) {
            Map<String, Object> item = activation(r);
            item.put("active", r.seq() == activeSeq);
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("next", rows.size() > limit ? Long.toString(rows.get(limit - 1).seq()) : null);
        return out;
    }

    @GetMapping("/history/{seq}")
    Map<String, Object> historyEntry(@AuthenticationPrincipal Actor actor, @PathVariable String seq) {
        operator(actor);
        long n;
        try {
            n = Long.parseLong(seq);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no policy activation " + seq);
        }
        PolicyRecord r = store.bySeq(n).orElseThrow(() -> ProblemException.notFound("no policy activation " + seq));
        Map<String, Object> out = activation(r);
        out.put("active", r.seq() == store.activeSeq());
        out.put("text", r.text());
        return out;
    }

    @PostMapping("/history/{seq}/activate")
    Map<String, Object> reactivate(@AuthenticationPrincipal Actor actor, @PathVariable String seq) {
        operator(actor);
        long n;
        try {
            n = Long.parseLong(seq);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no policy activation " + seq);
        }
        return activated(admin.reactivate(n, by(actor)));
    }

    @PostMapping("/dry-run")
    Map<String, Object> dryRun(
            @AuthenticationPrincipal Actor actor,
            @RequestBody(required = false) @Nullable String raw,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestParam(required = false) @Nullable String days,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String limit) {
        operator(actor);
        Body body = body(raw, contentType);
        String text = requireText(body);
        var bounds = dryRun.settings();
        List<String> errors = new ArrayList<>();
        int d = number(first(body.field("days"), days), 7, 1, bounds.maxDays(), "days", errors);
        int n = number(
                first(body.field("limit"), limit), bounds.maxMessages(), 1, bounds.maxMessages(), "limit", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        CompiledPolicy candidate = admin.compile(text, "candidate");
        return dryRun.run(
                candidate, active.current(), new PolicyDryRun.Request(d, first(body.field("shopId"), shopId), n));
    }

    private static void operator(Actor actor) {
        if (!actor.is(PlatformRole.OPERATOR)) {
            throw ProblemException.forbidden("only a platform operator manages the message policy");
        }
    }

    private static String by(Actor actor) {
        return actor.userId() == null ? "token:" + actor.tokenId() : actor.userId();
    }

    private Body body(@Nullable String raw, @Nullable String contentType) {
        if (raw == null || raw.isBlank()) {
            return new Body(null, null);
        }
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            JsonNode node;
            try {
                node = json.readTree(raw);
            } catch (JacksonException e) {
                throw ProblemException.invalid("the request body is not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("the request body must be a JSON object such as {\"text\": \"…\"}");
            }
            JsonNode text = node.get("text");
            if (text != null && !text.isNull() && !text.isString()) {
                throw ProblemException.invalid("text: the policy, as a string of YAML");
            }
            return new Body(text == null || text.isNull() ? null : text.asString(), node);
        }
        return new Body(raw, null);
    }

    private static String requireText(Body body) {
        if (body.text() == null || body.text().isBlank()) {
            throw ProblemException.invalid(
                    "text: the candidate policy (YAML) is required, as {\"text\": \"…\"} or as an application/yaml body");
        }
        return body.text();
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    private static int number(
            @Nullable String value, int otherwise, int min, int max, String name, List<String> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name + ": a whole number from " + min + " to " + max);
        return otherwise;
    }

    private static Map<String, Object> activation(PolicyRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", r.seq());
        out.put("version", r.version());
        out.put("source", r.source());
        out.put("activatedBy", r.activatedBy());
        out.put("activatedAt", r.activatedAt());
        out.put("sha256", r.sha256());
        return out;
    }

    private Map<String, Object> fileState(PolicyRecord active) {
        Path path = file.path();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", path == null ? PolicyFile.BUILT_IN : path.toString());
        Boolean matches;
        try {
            String text = path == null ? PolicyFile.builtIn() : Files.readString(path);
            matches = PolicyCompiler.sha256(text).equals(active.sha256());
        } catch (IOException e) {
            matches = null;
        }
        out.put("matchesActive", matches);
        return out;
    }

    /** The parsed policy: version, action per rule (and the rules' clauses), allow-list, extra lexicon entries. */
    static Map<String, Object> summary(PolicyConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", config.version());
        Map<String, String> actions = new LinkedHashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            actions.put(rule.id(), config.actionFor(rule).name());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rule.id());
            r.put("clause", rule.clause());
            r.put("statement", rule.statement());
            r.put("kinds", rule.kinds());
            r.put("action", config.actionFor(rule).name());
            r.put("defaultAction", rule.defaultAction().name());
            rules.add(r);
        }
        out.put("actions", actions);
        out.put("rules", rules);
        out.put("allowedDomains", config.allowedDomains());
        Map<String, Integer> terms = new LinkedHashMap<>();
        config.extraTerms().forEach((lexicon, list) -> terms.put(lexicon, list.size()));
        out.put("extraTerms", terms);
        return out;
    }

    /** What a candidate changes against the active policy. */
    static Map<String, Object> changes(PolicyConfig from, PolicyConfig to) {
        List<Map<String, String>> actions = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            if (from.actionFor(rule) != to.actionFor(rule)) {
                actions.add(Map.of(
                        "rule",
                        rule.id(),
                        "from",
                        from.actionFor(rule).name(),
                        "to",
                        to.actionFor(rule).name()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "version",
                from.version().equals(to.version()) ? null : Map.of("from", from.version(), "to", to.version()));
        out.put("actions", actions);
        out.put("allowedDomainsAdded", minus(to.allowedDomains(), from.allowedDomains()));
        out.put("allowedDomainsRemoved", minus(from.allowedDomains(), to.allowedDomains()));
        Map<String, List<String>> added = new LinkedHashMap<>();
        Map<String, List<String>> removed = new LinkedHashMap<>();
        for (String lexicon : union(from.extraTerms().keySet(), to.extraTerms().keySet())) {
            List<String> a = minus(
                    to.extraTerms().getOrDefault(lexicon, List.of()),
                    from.extraTerms().getOrDefault(lexicon, List.of()));
            List<String> r = minus(
                    from.extraTerms().getOrDefault(lexicon, List.of()),
                    to.extraTerms().getOrDefault(lexicon, List.of()));
            if (!a.isEmpty()) {
                added.put(lexicon, a);
            }
            if (!r.isEmpty()) {
                removed.put(lexicon, r);
            }
        }
        out.put("extraTermsAdded", added);
        out.put("extraTermsRemoved", removed);
        return out;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).distinct().toList();
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        LinkedHashSet<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
