package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizedTextTest {

    private static String evidence(NormalizedText view, String needle) {
        int at = view.value().indexOf(needle);
        assertThat(at).as("%s in %s", needle, view.value()).isGreaterThanOrEqualTo(0);
        return view.original().substring(view.originalStart(at), view.originalEnd(at + needle.length()));
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAscii() {
        NormalizedText t = NormalizedText.of("ｍａｉｌ：ｊａｙ＠ｇｍａｉｌ．ｃｏｍ ０８１２");
        assertThat(t.value()).isEqualTo("mail:jay@gmail.com 0812");
        assertThat(evidence(t, "jay@gmail.com")).isEqualTo("ｊａｙ＠ｇｍａｉｌ．ｃｏｍ");
    }

    @Test
    void zeroWidthAndJoinersAreDroppedButKeptInsideEvidence() {
        NormalizedText t = NormalizedText.of("What\u200dsApp and 微\u200b信");
        assertThat(t.value()).isEqualTo("whatsapp and 微信");
        assertThat(evidence(t, "whatsapp")).isEqualTo("What\u200dsApp");
    }

    @Test
    void keycapCircledDingbatAndThaiDigitsBecomeDigits() {
        assertThat(NormalizedText.of("4️⃣1️⃣5️⃣ ④①⑤ ⓪ ➊❷ 🔟 ๑๒๓ ⑴").value()).isEqualTo("415 415 0 12 10 123 (1)");
    }

    @Test
    void cyrillicLookAlikesInsideLatinWordsBecomeLatin() {
        assertThat(NormalizedText.of("kеvin@gmаil.com Tеlеgrаm craftnest.shор").value())
                .isEqualTo("kevin@gmail.com telegram craftnest.shop");
    }

    @Test
    void wordsWhollyInAnotherScriptKeepTheirLetters() {
        assertThat(NormalizedText.of("Привет мир, Καλημέρα, สวัสดี, Tiếng Việt").value())
                .isEqualTo("привет мир, καλημέρα, สวัสดี, tiếng việt");
    }

    @Test
    void decomposedVietnameseIsComposedAndZalgoMarksOnLatinAreDropped() {
        assertThat(NormalizedText.of("Vie\u0302\u0323t").value()).isEqualTo("việt");
        assertThat(NormalizedText.of("w\u0335h\u0335a\u0335t\u0335s").value()).isEqualTo("whats");
    }

    @Test
    void digitsViewSpellsOutNumbersInEveryMarketplaceLanguage() {
        assertThat(NormalizedText.of("call four one five, five five five, zero one nine two")
                        .digits()
                        .value())
                .isEqualTo("call 4155550192");
        assertThat(NormalizedText.of("nol delapan satu dua tiga empat lima enam")
                        .digits()
                        .value())
                .isEqualTo("08123456");
        assertThat(NormalizedText.of("seis uno dos, tres cuatro cinco").digits().value())
                .isEqualTo("612345");
        assertThat(NormalizedText.of("không chín một hai ba bốn").digits().value())
                .isEqualTo("091234");
        assertThat(NormalizedText.of("ศูนย์แปดหนึ่ง สองสามสี่").digits().value())
                .isEqualTo("081234");
        assertThat(NormalizedText.of("零九一二 三四五 六七八").digits().value()).isEqualTo("0912345678");
        assertThat(NormalizedText.of("isa dalawa tatlo apat lima anim").digits().value())
                .isEqualTo("123456");
        assertThat(NormalizedText.of("09 một hai 345 678").digits().value()).isEqualTo("0912345678");
        assertThat(NormalizedText.of("four double five one two three").digits().value())
                .isEqualTo("455123");
    }

    @Test
    void digitsViewLeavesOrdinaryWordsAlone() {
        assertThat(NormalizedText.of("one of the best, two or three days")
                        .digits()
                        .value())
                .isEqualTo("one of the best, two or three days");
        assertThat(NormalizedText.of("保修只有三个月，一下就好").digits().value()).isEqualTo("保修只有三个月,一下就好");
        assertThat(NormalizedText.of("Size 40 in 2 colours").digits().value()).isEqualTo("size 40 in 2 colours");
    }

    @Test
    void digitsViewMapsSpelledDigitsBackToTheirWords() {
        NormalizedText d = NormalizedText.of("my cell is four one five, five five five, zero one nine two.")
                .digits();
        assertThat(evidence(d, "4155550192")).isEqualTo("four one five, five five five, zero one nine two");
    }

    @Test
    void skeletonJoinsSpacedAndPunctuatedSpellingsAndFoldsLeet() {
        assertThat(NormalizedText.of("add me on w h a t s a p p").skeleton().value())
                .isEqualTo("add me on whatsapp");
        assertThat(NormalizedText.of("wh@ts.app Z@lo g00gle w.h.a.t.s")
                        .skeleton()
                        .value())
                .isEqualTo("whatsapp zaio googie whats");
        assertThat(NormalizedText.of("LINE，ID：lily0520").skeleton().value()).startsWith("iine id ");
    }

    @Test
    void skeletonEvidenceIsTheOriginalSpelling() {
        NormalizedText s = NormalizedText.of("add me on w h a t s a p p now").skeleton();
        assertThat(evidence(s, "whatsapp")).isEqualTo("w h a t s a p p");
    }
}
