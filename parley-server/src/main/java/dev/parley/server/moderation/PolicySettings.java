package dev.parley.server.moderation;

import dev.parley.core.policy.Action;
import dev.parley.core.policy.PolicyConfig;
import dev.parley.core.policy.Rule;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's message policy ({@code parley.policy.*}).
 *
 * @param version the policy version stamped on every verdict
 * @param actions the action per rule id where it differs from the catalogue's default, e.g. {@code
 *     parley.policy.actions.language_mismatch=HOLD}
 * @param allowedDomains the platform allow-list of domains (the marketplace's own)
 * @param recentSellerTexts how many recent messages of a shop the checker sees, to catch repetition
 */
@ConfigurationProperties("parley.policy")
public record PolicySettings(
        @DefaultValue(PolicyConfig.DEFAULT_VERSION) String version,
        @DefaultValue Map<String, Action> actions,
        @DefaultValue("tiktok.com") List<String> allowedDomains,
        @DefaultValue("20") int recentSellerTexts) {

    public PolicySettings {
        for (String rule : actions.keySet()) {
            if (Rule.byId(rule).isEmpty()) {
                throw new IllegalArgumentException("parley.policy.actions: no rule '" + rule + "'");
            }
        }
    }

    /** The core's configuration for these settings. */
    public PolicyConfig toConfig() {
        Map<Rule, Action> byRule = new EnumMap<>(Rule.class);
        actions.forEach((id, action) -> byRule.put(Rule.byId(id).orElseThrow(), action));
        return new PolicyConfig(version, byRule, allowedDomains, Map.of());
    }
}
