package dev.parley.core.policy;

import static dev.parley.core.policy.Concept.*;

import dev.parley.core.policy.ContentScan.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Abusive language (clause 3.3): insults, threats, harassment, sexual remarks and hate, in every marketplace language.
 *
 * <p>Strong terms count on their own; a word that insults only when aimed at someone ("stupid", "ngu", "ควาย",
 * "tonto") counts next to a second person, a vocative ("dasar", "你这个"), an intensifier ("จริงๆ", "thế"), a person
 * noun or another such word, or when it is disguised ("b0d0h", "s.t.u.p.i.d"), and never next to a product context
 * ("ตุ๊กตาควาย", "untuk anjing"); an animal name ("babi", "ควาย", "perro") does not count next to a mere "you" ("your
 * dog"). Threats, harassment, sexual remarks and
 * hate are phrases or concepts found together ("I'll" + "come to" + "your house"; a photo asked for + "wearing" +
 * "lingerie", while a photo of a torn bra strap is fine; "your race" + "shouldn't be allowed").
 */
final class AbuseRule implements ContentRule {
    private static final Rule RULE = Rule.ABUSIVE_LANGUAGE;
    private static final int TARGET_WINDOW = 18;

    @Override
    public void detect(Content content, List<Finding> findings) {
        ContentScan scan = content.scan();
        insults(scan, findings);
        SlangNumbers.find(content.message().normalized(), findings);
        threats(scan, findings);
        harassment(scan, findings);
        sexual(scan, findings);
        hate(scan, findings);
    }

    private static void insults(ContentScan scan, List<Finding> findings) {
        for (Hit h : scan.of(INSULT)) {
            findings.add(ContentScan.span(RULE, "insult", h));
        }
        List<Hit> weak = new ArrayList<>();
        for (Hit h : scan.of(INSULT_WEAK)) {
            if (!harmless(scan, h) && scan.before(h, NEGATION, 8).isEmpty()) {
                weak.add(h);
                if (disguised(scan.text(), h)
                        || scan.nearAny(h, TARGET_WINDOW, YOU, VOCATIVE, INTENSIFIER, PERSON)
                                .isPresent()) {
                    findings.add(ContentScan.span(RULE, "insult", h));
                }
            }
        }
        for (Hit h : scan.of(ANIMAL_INSULT)) {
            if (!harmless(scan, h)) {
                weak.add(h);
                if (disguised(scan.text(), h)
                        || scan.nearAny(h, TARGET_WINDOW, VOCATIVE, INTENSIFIER, PERSON)
                                .isPresent()) {
                    findings.add(ContentScan.span(RULE, "insult", h));
                }
            }
        }
        weak.sort((a, b) -> Integer.compare(a.start(), b.start()));
        for (int i = 0; i + 1 < weak.size(); i++) {
            Hit a = weak.get(i);
            for (int j = i + 1; j < weak.size() && weak.get(j).start() - a.end() <= 30; j++) {
                Hit b = weak.get(j);
                boolean distinct = a.end() <= b.start();
                boolean oneNotAnimal = a.concept() == INSULT_WEAK || b.concept() == INSULT_WEAK;
                if (distinct && oneNotAnimal) {
                    findings.add(ContentScan.span(RULE, "insult", a, b));
                }
            }
        }
    }

    /**
     * Whether the word is aimed at someone: a person noun (or, unless it names an animal, "you") within the target
     * window, a vocative just before it, or an intensifier right next to it.
     */
    private static boolean aimed(ContentScan scan, Hit h, boolean youCounts) {
        return (youCounts && scan.near(h, YOU, TARGET_WINDOW).isPresent())
                || scan.near(h, PERSON, TARGET_WINDOW).isPresent()
                || scan.before(h, VOCATIVE, TARGET_WINDOW).isPresent()
                || scan.near(h, INTENSIFIER, 6).isPresent();
    }

    /** Whether the word was written with look-alike digits, symbols or separators ("b0d0h", "s.t.u.p.i.d"). */
    private static boolean disguised(String text, Hit h) {
        for (int i = h.start(); i < h.end(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || "*@$!#%|._-".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean harmless(ContentScan scan, Hit h) {
        return scan.near(h, HARMLESS_CONTEXT, 10).isPresent();
    }

    private static void threats(ContentScan scan, List<Finding> findings) {
        for (Hit h : scan.of(THREAT)) {
            if (scan.before(h, NEGATION, 6).isEmpty()) {
                findings.add(ContentScan.span(RULE, "threat", h));
            }
        }
        for (Hit regret : scan.of(REGRET)) {
            Optional<Hit> target = scan.before(regret, YOU, 14).or(() -> scan.after(regret, YOU, 6));
            if (target.isPresent() && scan.before(regret, NEGATION, 12).isEmpty()) {
                findings.add(ContentScan.span(RULE, "threat", target.get(), regret));
            }
        }
        for (Hit home : scan.of(YOUR_HOME)) {
            Optional<Hit> go = scan.near(home, GO_TO, 25);
            Optional<Hit> actor = scan.near(home, FIRST_FUTURE, 40);
            if (go.isPresent()
                    && actor.isPresent()
                    && scan.near(home, HARMLESS_CONTEXT, 40).isEmpty()) {
                findings.add(ContentScan.span(RULE, "threat", actor.get(), go.get(), home));
            }
        }
        for (Hit info : scan.of(PERSONAL_INFO)) {
            Optional<Hit> expose = scan.near(info, EXPOSE, 30);
            Optional<Hit> where = scan.near(info, PUBLIC, 50);
            Optional<Hit> actor = scan.near(info, FIRST_FUTURE, 50);
            if (expose.isPresent() && where.isPresent() && actor.isPresent()) {
                findings.add(ContentScan.span(RULE, "threat", expose.get(), info, where.get()));
            }
        }
    }

    private static void harassment(ContentScan scan, List<Finding> findings) {
        for (Hit keep : scan.of(KEEP_CONTACT)) {
            scan.nearAny(keep, 60, FIRST_FUTURE, UNTIL_REPLY, EVERY_INTERVAL, NEW_ACCOUNT, BLOCK_ME)
                    .ifPresent(with -> findings.add(ContentScan.span(RULE, "harassment", keep, with)));
        }
        for (Hit account : scan.of(NEW_ACCOUNT)) {
            scan.near(account, BLOCK_ME, 60)
                    .ifPresent(block -> findings.add(ContentScan.span(RULE, "harassment", block, account)));
        }
        for (Hit until : scan.of(UNTIL_REPLY)) {
            scan.near(until, EVERY_INTERVAL, 60)
                    .ifPresent(every -> findings.add(ContentScan.span(RULE, "harassment", until, every)));
        }
        List<Hit> demands = scan.of(DEMAND_REPLY);
        if (demands.size() >= 2 && demands.getFirst().end() <= demands.getLast().start()) {
            findings.add(ContentScan.span(RULE, "harassment", demands.getFirst(), demands.getLast()));
        }
    }

    private static void sexual(ContentScan scan, List<Finding> findings) {
        for (Hit h : scan.of(SEXUAL)) {
            findings.add(ContentScan.span(RULE, "sexual", h));
        }
        for (Hit photo : scan.of(PHOTO_REQUEST)) {
            Optional<Hit> body = scan.nearAny(photo, 50, BODY, ATTRACTIVE);
            if (body.isPresent()) {
                findings.add(ContentScan.span(RULE, "sexual", photo, body.get()));
                continue;
            }
            Optional<Hit> garment = scan.near(photo, INTIMATE, 50);
            Optional<Hit> worn = scan.nearAny(photo, 50, WEARING, FLIRT);
            if (garment.isPresent() && worn.isPresent()) {
                findings.add(ContentScan.span(RULE, "sexual", photo, garment.get(), worn.get()));
            }
        }
        for (Hit hot : scan.of(ATTRACTIVE)) {
            scan.near(hot, FLIRT, 40).ifPresent(flirt -> findings.add(ContentScan.span(RULE, "sexual", hot, flirt)));
            Optional<Hit> you = scan.near(hot, YOU, 15);
            Optional<Hit> wearing = scan.near(hot, WEARING, 25);
            if (you.isPresent() && wearing.isPresent()) {
                findings.add(ContentScan.span(RULE, "sexual", you.get(), hot, wearing.get()));
            }
        }
    }

    private static void hate(ContentScan scan, List<Finding> findings) {
        for (Hit h : scan.of(SLUR)) {
            findings.add(ContentScan.span(RULE, "hate", h));
        }
        for (Hit group : scan.of(GROUP)) {
            scan.near(group, STEREOTYPE, 50).ifPresent(s -> findings.add(ContentScan.span(RULE, "hate", group, s)));
        }
    }
}
