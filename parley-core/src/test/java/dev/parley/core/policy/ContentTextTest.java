package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTextTest {

    private static String fold(String text) {
        return ContentText.of(NormalizedText.of(text)).value();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "sh1t; shit",
                "dumb@ss; dumbass",
                "b!tch; bitch",
                "1d10t; idiot",
                "p3nd3jo; pendejo",
                "B4bi; babi",
                "f1ve st@rs; five stars",
                "stuuuupid; stupid",
                "f u c k off; fuck off",
                "s.t.u.p.i.d; stupid",
                "f#ck; f*ck",
                "rate 5*; rate 5⭐"
            })
    void disguisesAreUndone(String text, String folded) {
        assertThat(fold(text)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "Galaxy A55; galaxy a55",
                "KX-T7730; kx-t7730",
                "4G and 5G; 4g and 5g",
                "size S M L; size s m l",
                "u r a star; u r a star",
                "@lalashop; @lalashop",
                "good; good"
            })
    void codesSizesAndOrdinaryWordsStayAsTheyAre(String text, String folded) {
        assertThat(fold(text)).isEqualTo(folded);
    }

    @Test
    void everyFoldedCharacterMapsBackToTheOriginal() {
        String text = "ｙｏｕ  ＩＤ1ＯＴ, f u c k";
        ContentText view = ContentText.of(NormalizedText.of(text));
        int at = view.value().indexOf("idiot");
        assertThat(text.substring(view.originalStart(at), view.originalEnd(at + 5)))
                .isEqualTo("ＩＤ1ＯＴ");
        int f = view.value().indexOf("fuck");
        assertThat(text.substring(view.originalStart(f), view.originalEnd(f + 4)))
                .isEqualTo("f u c k");
    }
}
