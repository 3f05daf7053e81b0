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

    /** A lexicon entry's payload tagged with the lexicon it came from, so that one automaton serves several. */
    record Tagged(String lexicon, String payload) {}

    /** The lexicons matched on the skeleton view: apps, banks, diversions. */
    final Lexicon<Tagged> skeletonTerms;

    /** The lexicons matched on the base view: invitations, negations, phone words, addresses, installs, separators. */
    final Lexicon<Tagged> baseTerms;

    final Map<String, String> linkKinds;

    ContactLexicons(PolicyConfig config) {
        skeletonTerms = build(List.of("contact-apps", "contact-bank", "contact-diversion"), config, true);
        baseTerms = build(
                List.of(
                        "contact-invite",
                        "contact-negation",
                        "contact-phone",
                        "contact-address",
                        "contact-install",
                        "contact-separators"),
                config,
                false);
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

    private static Lexicon<Tagged> build(List<String> names, PolicyConfig config, boolean skeleton) {
        Lexicon.Builder<Tagged> builder = skeleton ? Lexicon.builder(Skeleton::foldTerm) : Lexicon.builder();
        for (String name : names) {
            String fallback = DEFAULT_PAYLOADS.getOrDefault(name, "");
            for (LexiconResource.Line line : LexiconResource.read(name, config)) {
                builder.add(line.term(), new Tagged(name, line.payload().isEmpty() ? fallback : line.payload()));
            }
        }
        return builder.build();
    }
}
