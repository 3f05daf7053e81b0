package dev.parley.core.policy;

import com.google.common.net.InternetDomainName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operator's policy: a version stamped on every verdict, the action per rule, the platform allow-list of domains,
 * and extra lexicon entries keyed by lexicon name. Loaded from a YAML file ({@link #load}); the built-in defaults are
 * the file {@code default-policy.yaml} beside this class, which documents the format.
 */
public record PolicyConfig(
        String version, Map<Rule, Action> actions, List<String> allowedDomains, Map<String, List<String>> extraTerms) {

    /** The version of the built-in defaults. */
    public static final String DEFAULT_VERSION = "2026-11-28.1";

    private static final Set<String> KEYS = Set.of("version", "actions", "allowed_domains", "extra_terms");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final PolicyConfig DEFAULTS = readDefaults();

    public PolicyConfig {
        EnumMap<Rule, Action> complete = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            complete.put(rule, actions.getOrDefault(rule, rule.defaultAction()));
        }
        actions = Map.copyOf(complete);
        allowedDomains = List.copyOf(allowedDomains);
        Map<String, List<String>> terms = new LinkedHashMap<>();
        extraTerms.forEach((name, list) -> terms.put(name, List.copyOf(list)));
        extraTerms = Map.copyOf(terms);
    }

    /** The catalogue's defaults, as written in {@code default-policy.yaml}. */
    public static PolicyConfig defaults() {
        return DEFAULTS;
    }

    /** The action configured for {@code rule}. */
    public Action actionFor(Rule rule) {
        return actions.get(rule);
    }

    /** Reads and validates the policy file {@code file}. */
    public static PolicyConfig load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyConfigException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        return parse(yaml, file.toString());
    }

    /** Parses and validates a policy written in YAML (JSON is YAML too); {@code source} names it in errors. */
    public static PolicyConfig parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new PolicyConfigException(source, List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new PolicyConfigException(source, List.of("the policy must be a mapping with a version"));
        }
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                problems.add("unknown key \"" + key + "\" (known: version, actions, allowed_domains, extra_terms)");
            }
        }
        String version = "";
        JsonNode v = root.get("version");
        if (v == null || !v.isValueNode() || v.asString("").isBlank()) {
            problems.add("\"version\" is required and must be a non-empty string");
        } else {
            version = v.asString().strip();
        }
        Map<Rule, Action> actions = actions(root.get("actions"), problems);
        List<String> domains = domains(root.get("allowed_domains"), problems);
        Map<String, List<String>> terms = terms(root.get("extra_terms"), problems);
        if (!problems.isEmpty()) {
            throw new PolicyConfigException(source, problems);
        }
        return new PolicyConfig(version, actions, domains, terms);
    }

    private static Map<Rule, Action> actions(JsonNode node, List<String> problems) {
        Map<Rule, Action> actions = new EnumMap<>(Rule.class);
        if (node == null || node.isNull()) {
            return actions;
        }
        if (!node.isObject()) {
            problems.add("\"actions\" must map rule ids to actions");
            return actions;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            var rule = Rule.byId(e.getKey());
            if (rule.isEmpty()) {
                problems.add("unknown rule id \"" + e.getKey() + "\" in actions");
                continue;
            }
            String name =
                    e.getValue().isString() ? e.getValue().asString().strip().toUpperCase(Locale.ROOT) : "";
            try {
                actions.put(rule.get(), Action.valueOf(name));
            } catch (IllegalArgumentException ex) {
                problems.add("unknown action \"" + e.getValue().asString("") + "\" for " + e.getKey()
                        + " (use ALLOW, WARN, HOLD or BLOCK)");
            }
        }
        return actions;
    }

    private static List<String> domains(JsonNode node, List<String> problems) {
        List<String> domains = new ArrayList<>();
        if (node == null || node.isNull()) {
            return domains;
        }
        if (!node.isArray()) {
            problems.add("\"allowed_domains\" must be a list of domain names");
            return domains;
        }
        for (JsonNode d : node) {
            String domain = d.isString() ? d.asString().strip().toLowerCase(Locale.ROOT) : "";
            if (domain.isEmpty() || !InternetDomainName.isValid(domain) || domain.indexOf('.') < 0) {
                problems.add("bad domain \"" + d.asString(d.toString())
                        + "\" in allowed_domains (write a host name such as shop.example.com, without scheme or path)");
            } else {
                domains.add(domain);
            }
        }
        return domains;
    }

    private static Map<String, List<String>> terms(JsonNode node, List<String> problems) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return terms;
        }
        if (!node.isObject()) {
            problems.add("\"extra_terms\" must map lexicon names to lists of terms");
            return terms;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            if (!name.matches("[a-z0-9-]+") || !LexiconResource.exists(name)) {
                problems.add("unknown lexicon \"" + name + "\" in extra_terms");
                continue;
            }
            if (!e.getValue().isArray()) {
                problems.add("extra_terms." + name + " must be a list");
                continue;
            }
            List<String> list = new ArrayList<>();
            for (JsonNode t : e.getValue()) {
                if (t.isString() && !t.asString().isBlank()) {
                    list.add(t.asString().strip());
                } else if (t.isObject()
                        && t.path("term").isString()
                        && !t.path("term").asString().isBlank()) {
                    String payload = t.path("payload").asString("").strip();
                    list.add(t.path("term").asString().strip() + (payload.isEmpty() ? "" : "\t" + payload));
                } else {
                    problems.add("extra_terms." + name + " has an entry that is neither a term nor {term, payload}");
                }
            }
            terms.put(name, list);
        }
        return terms;
    }

    private static PolicyConfig readDefaults() {
        try (InputStream in = PolicyConfig.class.getResourceAsStream("default-policy.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource default-policy.yaml");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-policy.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
