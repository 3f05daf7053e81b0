package dev.parley.server.moderation;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The message policy's settings ({@code parley.policy.*}). The policy itself (version, action per rule, allow-list,
 * extra lexicon entries) is a YAML file in the format of parley-core's {@code default-policy.yaml}; the active policy
 * is stored in the database and shared by every node.
 *
 * @param file the policy file an operator edits ({@code POST /api/v1/policy/reload} activates it); when absent the
 *     built-in default policy. Also seeds the database when it holds no policy yet
 * @param refresh how often a node looks for a policy activated on another node (one indexed query); with Redis the
 *     other nodes are told at once and this is the fallback
 * @param repetition what counts as advertising sent to many buyers (clause 3.5, kind {@code spam})
 * @param dryRun the bounds of a dry run of a candidate policy over stored messages
 */
@ConfigurationProperties("parley.policy")
public record PolicySettings(
        @Nullable String file,
        @DefaultValue("2s") Duration refresh,
        @DefaultValue Repetition repetition,
        @DefaultValue DryRun dryRun) {

    public PolicySettings {
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("parley.policy.refresh must be positive");
        }
        if (file != null && file.isBlank()) {
            file = null;
        }
    }

    /**
     * Repetition across buyers.
     *
     * @param window how far back a shop's messages count
     * @param buyers the number of different buyers an advertising text must reach for the last copy to be spam: with
     *     3, the copy sent to the third buyer is spam (the copies to the first two are not)
     * @param maxTexts how many of the shop's newest texts in the window are compared (at most 200, the core's bound)
     */
    public record Repetition(
            @DefaultValue("24h") Duration window,
            @DefaultValue("3") int buyers,
            @DefaultValue("200") int maxTexts) {

        public Repetition {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("parley.policy.repetition.window must be positive");
            }
            if (buyers < 2) {
                throw new IllegalArgumentException("parley.policy.repetition.buyers must be at least 2");
            }
            if (maxTexts < 1 || maxTexts > 200) {
                throw new IllegalArgumentException("parley.policy.repetition.max-texts must be within 1..200");
            }
        }
    }

    /**
     * Dry runs.
     *
     * @param maxDays the longest period a dry run may look back
     * @param maxMessages the most messages one dry run examines (the newest first); the answer says when it stopped
     * @param maxItems the most changed messages listed in the answer (the counts cover all)
     * @param timeout the longest a dry run works; the answer says when it stopped
     */
    public record DryRun(
            @DefaultValue("90") int maxDays,
            @DefaultValue("20000") int maxMessages,
            @DefaultValue("500") int maxItems,
            @DefaultValue("60s") Duration timeout) {

        public DryRun {
            if (maxDays < 1 || maxMessages < 1 || maxItems < 0 || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("parley.policy.dry-run.*: bounds must be positive");
            }
        }
    }
}
