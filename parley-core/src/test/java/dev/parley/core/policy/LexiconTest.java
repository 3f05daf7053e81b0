package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {
    private final Lexicon<String> lexicon = Lexicon.<String>builder()
            .add("ass", "insult")
            .add("fuck*", "insult")
            .add("傻瓜", "insult")
            .add("ควาย", "insult")
            .add("whatsapp", "im")
            .build();

    private List<String> found(String text) {
        NormalizedText normalized = NormalizedText.of(text);
        return lexicon.scan(normalized).stream()
                .map(m -> text.substring(m.originalStart(normalized), m.originalEnd(normalized)))
                .toList();
    }

    @Test
    void latinTermsNeedWordBoundaries() {
        assertThat(found("you ass")).containsExactly("ass");
        assertThat(found("assassin's creed, a classic")).isEmpty();
    }

    @Test
    void openEndedTermMatchesLongerWords() {
        assertThat(found("FUCKING slow")).containsExactly("FUCKING".substring(0, 4));
    }

    @Test
    void hanAndThaiTermsMatchInsideRunningText() {
        assertThat(found("你这个傻瓜吧")).containsExactly("傻瓜");
        assertThat(found("ไอ้ควายเอ๊ย")).containsExactly("ควาย");
    }

    @Test
    void matchesAreMappedToOriginalOffsetsThroughNormalisation() {
        assertThat(found("add me on ＷｈａｔｓＡｐｐ now")).containsExactly("ＷｈａｔｓＡｐｐ");
    }

    @Test
    void emptyLexiconFindsNothing() {
        assertThat(Lexicon.<String>builder().build().scan(NormalizedText.of("anything")))
                .isEmpty();
    }
}
