package dev.parley.core.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lexicons of the off-platform contact rule, built once per policy with the operator's extra entries. */
final class ContactLexicons {
    /** The names of the lexicon files this rule reads ({@code lexicon/<name>.txt}). */
    static final List<String> NAMES = List.of(
            "contact-apps",
            "contact-invite",
            "contact-negation",
            "contact-phone",
            "contact-bank",
            "contact-diversion",
            "contact-address",
            "contact-separators",
            "contact-links",
            "contact-install");

    final Lexicon<String> apps;
    final Lexicon<String> invites;
    final Lexicon<String> negations;
    final Lexicon<String> phoneWords;
    final Lexicon<String> bankWords;
    final Lexicon<String> diversions;
    final Lexicon<String> addresses;
    final Lexicon<String> separators;
    final Lexicon<String> installs;
    final Map<String, String> linkKinds;

    ContactLexicons(PolicyConfig config) {
        apps = build("contact-apps", config, true);
        invites = build("contact-invite", config, false);
        negations = build("contact-negation", config, false);
        phoneWords = build("contact-phone", config, false);
        bankWords = build("contact-bank", config, true);
        diversions = build("contact-diversion", config, true);
        addresses = build("contact-address", config, false);
        separators = build("contact-separators", config, false);
        installs = build("contact-install", config, false);
        Map<String, String> kinds = new HashMap<>();
        for (LexiconResource.Line line : LexiconResource.read("contact-links", config)) {
            kinds.put(NormalizedText.of(line.term()).value(), line.payload().isEmpty() ? "url" : line.payload());
        }
        linkKinds = Map.copyOf(kinds);
    }

    /** The payload of an entry written without one (an operator's plain extra term). */
    private static final Map<String, String> DEFAULT_PAYLOADS = Map.of(
            "contact-apps", "im strong",
            "contact-invite", "invite",
            "contact-negation", "neg",
            "contact-phone", "contact",
            "contact-bank", "account",
            "contact-diversion", "diversion",
            "contact-address", "store",
            "contact-separators", "dot",
            "contact-install", "install");

    private static Lexicon<String> build(String name, PolicyConfig config, boolean skeleton) {
        Lexicon.Builder<String> builder = skeleton ? Lexicon.builder(Skeleton::foldTerm) : Lexicon.builder();
        String fallback = DEFAULT_PAYLOADS.getOrDefault(name, "");
        for (LexiconResource.Line line : LexiconResource.read(name, config)) {
            builder.add(line.term(), line.payload().isEmpty() ? fallback : line.payload());
        }
        return builder.build();
    }
}
