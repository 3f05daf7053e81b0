package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentLexiconTest {

    @Test
    void everyLexiconLineNamesAKnownConceptAndEveryConceptHasTerms() {
        Set<Concept> used = EnumSet.noneOf(Concept.class);
        for (String name : ContentLexicon.NAMES) {
            for (LexiconResource.Line line : LexiconResource.read(name)) {
                for (String concept : line.payload().split(",")) {
                    used.add(Concept.valueOf(concept.strip()));
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrder(Concept.values());
    }

    @Test
    void bracesExpandToEveryAlternative() {
        assertThat(ContentLexicon.expand("{5|five}{ |-}star{s|}"))
                .containsExactlyInAnyOrder(
                        "5 stars", "5 star", "5-stars", "5-star", "five stars", "five star", "five-stars", "five-star");
    }

    @Test
    void chineseTermsAlsoMatchInTheOtherScriptButSingleCharactersDoNot() {
        assertThat(ContentLexicon.chineseScripts("給你便宜")).contains("给你便宜", "給你便宜");
        assertThat(ContentLexicon.chineseScripts("不退不换")).contains("不退不換");
        assertThat(ContentLexicon.chineseScripts("幹")).containsExactly("幹");
        assertThat(ContentLexicon.chineseScripts("no refunds")).containsExactly("no refunds");
        // a term written in traditional characters finds a message in simplified ones, and the other way round
        Listing listing = ContentChecks.listing("zh-Hans", "259", 7, true, 12);
        assertThat(ContentChecks.found(ContentChecks.CHECKER.check(
                        CheckRequest.ofText("给你便宜20块").withListing(listing))))
                .contains("misleading_claim");
        // "幹" is an insult; its simplified form "干" is an everyday character and is not
        assertThat(ContentChecks.found("zh-Hans", "衣服干了就发货")).doesNotContain("abusive_language");
    }

    @Test
    void maskedConceptsMatchHiddenLetters() {
        assertThat(ContentLexicon.masked("fuck*")).contains("f*ck*", "f**k*", "fvck*");
        assertThat(ContentLexicon.masked("bitch")).contains("b*tch", "b***h");
        assertThat(ContentLexicon.masked("ass")).containsExactly("ass");
    }

    @Test
    void operatorTermsExtendTheBuiltInLexicon() {
        PolicyConfig config = new PolicyConfig(
                "test", Map.of(), List.of("tiktok.com"), Map.of("content-abuse", List.of("gremlin brain\tINSULT")));
        PolicyChecker checker = PolicyChecker.create(config);
        assertThat(checker.check(CheckRequest.ofText("what a gremlin brain")).has(Rule.ABUSIVE_LANGUAGE))
                .isTrue();
        assertThat(PolicyChecker.create(PolicyConfig.defaults())
                        .check(CheckRequest.ofText("what a gremlin brain"))
                        .has(Rule.ABUSIVE_LANGUAGE))
                .isFalse();
    }

    @Test
    void anOperatorTermWithAnUnknownConceptIsRefused() {
        PolicyConfig config = new PolicyConfig(
                "test", Map.of(), List.of("tiktok.com"), Map.of("content-abuse", List.of("meanie\tRUDENESS")));
        assertThatThrownBy(() -> PolicyChecker.create(config)).hasMessageContaining("RUDENESS");
    }
}
