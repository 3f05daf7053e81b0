package dev.parley.core.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's policy: a version stamped on every verdict, the action per rule, the platform allow-list of domains,
 * and extra lexicon entries keyed by lexicon name.
 */
public record PolicyConfig(
        String version, Map<Rule, Action> actions, List<String> allowedDomains, Map<String, List<String>> extraTerms) {

    /** The version of the built-in defaults. */
    public static final String DEFAULT_VERSION = "2026-11-28.1";

    public PolicyConfig {
        EnumMap<Rule, Action> complete = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            complete.put(rule, actions.getOrDefault(rule, rule.defaultAction()));
        }
        actions = Map.copyOf(complete);
        allowedDomains = List.copyOf(allowedDomains);
        extraTerms = Map.copyOf(extraTerms);
    }

    /** The catalogue's defaults: default actions and the marketplace's own domains. */
    public static PolicyConfig defaults() {
        return new PolicyConfig(DEFAULT_VERSION, Map.of(), List.of("tiktok.com"), Map.of());
    }

    /** The action configured for {@code rule}. */
    public Action actionFor(Rule rule) {
        return actions.get(rule);
    }
}
