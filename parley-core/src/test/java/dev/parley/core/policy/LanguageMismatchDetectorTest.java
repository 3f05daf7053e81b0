package dev.parley.core.policy;

import static dev.parley.core.policy.ContentChecks.cases;
import static dev.parley.core.policy.ContentChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageMismatchDetectorTest {

    private static boolean mismatch(String listingLanguage, String text) {
        return check(listingLanguage, text).has(Rule.LANGUAGE_MISMATCH);
    }

    static Stream<Arguments> mismatches() {
        return cases("""
                th | Thank you so much for your order, we will pack it carefully today
                en | Terima kasih kak, pesanan sudah kami kemas dan akan dikirim besok
                en | Cảm ơn bạn đã đặt hàng, shop sẽ gửi hàng trong hôm nay nhé
                en | 感谢您的购买，我们会尽快为您发货，请耐心等待
                en | ขอบคุณที่สั่งซื้อค่ะ ทางร้านจะจัดส่งให้ภายในวันพรุ่งนี้นะคะ
                es | Thanks for your purchase, your order will ship tomorrow morning
                id | Gracias por tu compra, enviaremos el paquete mañana por la mañana
                vi | Terima kasih sudah membeli, barang akan dikirim besok pagi ya kak
                zh-Hant | Thanks for waiting, the parcel was sent out this afternoon
                fil | Thank you for your purchase, we will send the parcel out tomorrow
                en | Salamat po sa pag-order, ipapadala namin ito bukas ng umaga
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "listing {0}: {1}")
    @MethodSource("mismatches")
    void aMessageInAnotherLanguageIsAMismatch(String listing, String text) {
        assertThat(mismatch(listing, text)).isTrue();
    }

    static Stream<Arguments> matches() {
        return cases("""
                fil | Thank you po! Ipapadala na namin bukas yung order niyo
                tl | Salamat po, ipapadala namin bukas
                ms | Sis, barang dah pos semalam, nanti sampai dalam 2 hari ok
                id | Sis, barang dah pos semalam, nanti sampai dalam 2 hari ok
                zh-Hans | 您好，這款有現貨喔，今天下單明天出貨
                zh-TW | 您好，这款有现货，今天下单明天发货
                en | Hi! The Nike Air Max comes in US 8 and US 9
                th | ได้เลยค่ะ size M ค่ะ
                en | ok thx
                en | iPhone 15 Pro Max case, MagSafe compatible, USB-C
                en | Kak, size chart ada di gambar ke-3 ya, thank you so much for asking
                fr | Merci beaucoup pour votre commande, elle arrive demain
                ja | Thanks for your order, it ships tomorrow morning from Osaka
                en | Your parcel is with J&T Express, tracking JT123456789MY
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "listing {0}: {1}")
    @MethodSource("matches")
    void mixedShortCodeOnlyOrUnjudgedTextsAreNotMismatches(String listing, String text) {
        assertThat(mismatch(listing, text)).isFalse();
    }

    @Test
    void theFindingCoversTheJudgedTextFromFirstToLastLetter() {
        String text = "📦 Thanks for waiting, the parcel left this morning! 🙏";
        Violation v = check("vi", text).violations().stream()
                .filter(x -> x.rule() == Rule.LANGUAGE_MISMATCH)
                .findFirst()
                .orElseThrow();
        assertThat(v.evidence()).isEqualTo("Thanks for waiting, the parcel left this morning");
        assertThat(v.action()).isEqualTo(Action.WARN);
    }

    @Test
    void marketplaceTagsGroupAsTheCatalogueSays() {
        assertThat(LanguageMismatchDetector.group("ms")).isEqualTo(LanguageMismatchDetector.group("id"));
        assertThat(LanguageMismatchDetector.group("zh-Hant")).isEqualTo(LanguageMismatchDetector.group("zh-Hans"));
        assertThat(LanguageMismatchDetector.group("fil")).isEqualTo(LanguageMismatchDetector.group("tl"));
        assertThat(LanguageMismatchDetector.group("fr")).isEmpty();
    }

    @Test
    void textsSettledByCheapSignalsNeverReachLingua() {
        long before = LanguageMismatchDetector.linguaCalls();
        mismatch("th", "Thank you so much for your order, we will pack it carefully today");
        mismatch("en", "感谢您的购买，我们会尽快为您发货，请耐心等待");
        mismatch("en", "Terima kasih kak, pesanan sudah kami kemas dan akan dikirim besok");
        mismatch("vi", "Dạ sản phẩm này có hai màu đen và trắng, chị chọn giúp em nha");
        assertThat(LanguageMismatchDetector.linguaCalls()).isEqualTo(before);
    }
}
