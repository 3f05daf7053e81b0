package dev.parley.core.policy;

import static dev.parley.core.policy.ContentChecks.cases;
import static dev.parley.core.policy.ContentChecks.found;
import static dev.parley.core.policy.ContentChecks.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProhibitedUseRuleTest {

    static Stream<Arguments> defamation() {
        return cases("""
                en | Other sellers sell fake ones, only ours is original
                en | That seller is a scammer, don't trust them
                id | Toko sebelah jual barang KW kak
                vi | Shop bên cạnh bán hàng giả đó chị
                th | ร้านข้างๆ ขายของปลอมนะคะ
                zh-Hans | 别家都是假货，只有我们是正品
                es | Esa tienda vende falsificaciones
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("defamation")
    void accusingARivalSellerIsDefamation(String language, String text) {
        assertThat(found(language, text)).contains("prohibited_use:defamation");
    }

    static Stream<Arguments> phishing() {
        return cases("""
                en | Can you give me your login password?
                en | What's the OTP you got? I need it to process the refund
                en | send me the CVV on the back of your card
                en | Please share your bank PIN so we can refund you faster
                id | Kasih tau kode OTP nya ya kak
                vi | Gửi em mã OTP nhé chị
                th | บอกรหัส OTP หน่อยค่ะ
                zh-Hans | 请把验证码发给我
                es | Dime el código de verificación que te llegó
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("phishing")
    void askingForASecretIsPhishing(String language, String text) {
        assertThat(found(language, text)).contains("prohibited_use:phishing");
    }

    static Stream<Arguments> phishingInEveryLanguage() {
        return cases("""
                ms | Sila beri kod pengesahan yang anda terima.
                ms | Boleh hantar kata laluan akaun anda?
                vi | Cho shop xin mật khẩu tài khoản của bạn.
                fil | Pakisend po ng verification code na natanggap ninyo.
                fil | Ano po ang password ng account nyo?
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("phishingInEveryLanguage")
    void askingForACredentialInMalayVietnameseOrFilipinoIsPhishing(String language, String text) {
        assertThat(found(language, text)).contains("prohibited_use:phishing");
    }

    static Stream<Arguments> credentialWarningsAndOtherRequests() {
        return cases("""
                ms | Jangan beri kod pengesahan kepada sesiapa.
                ms | Sila beri alamat penghantaran.
                fil | Huwag ibigay ang OTP kahit kanino po.
                fil | Hindi namin hihingin ang password mo.
                vi | Cho shop xin địa chỉ giao hàng nhé.
                vi | Shop không bao giờ yêu cầu mật khẩu của bạn.
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("credentialWarningsAndOtherRequests")
    void warningsAboutCredentialsAndRequestsForOtherThingsAreNotPhishing(String language, String text) {
        assertThat(found(language, text)).doesNotContain("prohibited_use");
    }

    static Stream<Arguments> illegal() {
        return cases("""
                en | We can mark it as a gift so you pay less at customs
                en | Buy 5 and we'll refund 4 of them, it boosts our sales
                zh-Hans | 刷单返款，佣金另算
                id | Kami jual obat keras tanpa resep dokter
                vi | Em có thể khai giá thấp để chị không phải đóng thuế nhập khẩu
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("illegal")
    void abnormalOrIllegalTransactionsAreFound(String language, String text) {
        assertThat(found(language, text)).contains("prohibited_use:illegal");
    }

    static Stream<Arguments> allowed() {
        return cases("""
                en | We never ask for your OTP, please don't share it with anyone
                en | Enter the verification code in the app to confirm your address
                en | Our product is 100% original, check the hologram
                en | The item cleared customs this morning
                en | This medicine box has a lock, keeps pills away from kids
                id | Jangan berikan kode OTP kepada siapapun ya kak
                zh-Hans | 请勿向任何人透露验证码
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("allowed")
    void warningsAndOrdinaryMentionsAreAllowed(String language, String text) {
        assertThat(found(language, text)).doesNotContain("prohibited_use");
    }

    @Test
    void anAdvertPastedSeveralTimesInOneMessageIsSpam() {
        assertThat(found("en", "BIG SALE TODAY!! Visit our shop! BIG SALE TODAY!! Visit our shop!"))
                .contains("prohibited_use:spam", "unsolicited_marketing:promotion");
        assertThat(found("id", "flash sale jam 9 flash sale jam 9 flash sale jam 9"))
                .contains("prohibited_use:spam");
    }

    @Test
    void aRepeatedThankYouIsNotSpam() {
        assertThat(found("en", "Thank you so much! Thank you so much!")).doesNotContain("prohibited_use");
    }

    private static Verdict withRecent(String text, List<String> recent) {
        return ContentChecks.CHECKER.check(new CheckRequest(text, true, listing("en"), List.of(), null, recent, null));
    }

    @Test
    void anAdvertNearlyRepeatingARecentMessageIsSpam() {
        String ad = "New arrivals every week! Follow our shop so you never miss a drop 🔥";
        assertThat(found(withRecent(ad, List.of("Your parcel is on its way", ad.replace("🔥", "!!")))))
                .contains("prohibited_use:spam");
        assertThat(found(withRecent(ad, List.of("Your parcel is on its way", "Thanks for the order!"))))
                .doesNotContain("prohibited_use");
    }

    @Test
    void aRepeatedServiceTemplateIsNotSpam() {
        String template = "Thank you for your order! It ships within 24 hours.";
        assertThat(found(withRecent(template, List.of(template, template, template))))
                .doesNotContain("prohibited_use");
    }
}
