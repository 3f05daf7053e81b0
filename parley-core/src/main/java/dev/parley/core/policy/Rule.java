package dev.parley.core.policy;

import java.util.List;
import java.util.Optional;

/** A content rule of the catalogue, with its clause of the Seller Customer Service Rules and its default action. */
public enum Rule {
    OFF_PLATFORM_CONTACT(
            "off_platform_contact",
            "3.4",
            Action.BLOCK,
            "Sellers must not lead buyers to unauthorised third-party contact or payment channels.",
            List.of(
                    "url",
                    "email",
                    "phone",
                    "im_account",
                    "bank_account",
                    "payment_account",
                    "qr_code",
                    "address",
                    "diversion")),
    ABUSIVE_LANGUAGE(
            "abusive_language",
            "3.3",
            Action.BLOCK,
            "Sellers must not harass, insult, threaten or use obscene or discriminatory language.",
            List.of("insult", "threat", "harassment", "sexual", "hate")),
    REVIEW_MANIPULATION(
            "review_manipulation",
            "3.6",
            Action.BLOCK,
            "Sellers must not offer incentives for reviews, solicit positive reviews, or ask buyers to change them.",
            List.of("incentive", "positive_request", "removal_request")),
    UNSOLICITED_MARKETING(
            "unsolicited_marketing",
            "3.2",
            Action.BLOCK,
            "Sellers may only message buyers who contacted them, and not with unrequested promotion.",
            List.of("no_buyer_contact", "promotion")),
    LANGUAGE_MISMATCH(
            "language_mismatch",
            "3.1",
            Action.WARN,
            "Sellers must answer in the language of the product listing.",
            List.of()),
    MISLEADING_CLAIM(
            "misleading_claim",
            "4.1",
            Action.WARN,
            "Price, discount and warranty statements must match the product detail page.",
            List.of()),
    TERMS_DOWNGRADE(
            "terms_downgrade",
            "4.2",
            Action.BLOCK,
            "After-sales terms must not be less favourable than the listing's.",
            List.of()),
    PROHIBITED_USE(
            "prohibited_use",
            "3.5",
            Action.HOLD,
            "Messaging must not be used for defamation, phishing, malware, illegal transactions or spam.",
            List.of("defamation", "phishing", "malware", "illegal", "spam"));

    private final String id;
    private final String clause;
    private final Action defaultAction;
    private final String statement;
    private final List<String> kinds;

    Rule(String id, String clause, Action defaultAction, String statement, List<String> kinds) {
        this.id = id;
        this.clause = clause;
        this.defaultAction = defaultAction;
        this.statement = statement;
        this.kinds = kinds;
    }

    /** The rule id used in verdicts and configuration, such as {@code off_platform_contact}. */
    public String id() {
        return id;
    }

    /** The clause of the Seller Customer Service Rules, such as {@code 3.4}. */
    public String clause() {
        return clause;
    }

    /** The action taken when configuration says nothing else. */
    public Action defaultAction() {
        return defaultAction;
    }

    /** A one-line statement of the clause. */
    public String statement() {
        return statement;
    }

    /** The kinds of finding this rule reports; empty for a rule without kinds. */
    public List<String> kinds() {
        return kinds;
    }

    /** The rule with this id, if any. */
    public static Optional<Rule> byId(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
