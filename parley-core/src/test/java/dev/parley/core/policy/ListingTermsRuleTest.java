package dev.parley.core.policy;

import static dev.parley.core.policy.ContentChecks.found;
import static dev.parley.core.policy.ContentChecks.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListingTermsRuleTest {

    /** A listing: language, price, return days, free returns, warranty months. */
    private static Listing l(String language, String price, int returnDays, boolean freeReturn, int warrantyMonths) {
        return listing(language, price, returnDays, freeReturn, warrantyMonths);
    }

    private static java.util.Set<String> check(Listing listing, String text) {
        return found(ContentChecks.CHECKER.check(CheckRequest.ofText(text).withListing(listing)));
    }

    static Stream<Arguments> misleadingPrices() {
        return Stream.of(
                Arguments.of(l("id", "129000", 7, true, 12), "Harga sekarang Rp 99rb aja kak"),
                Arguments.of(l("vi", "259000", 7, true, 12), "Giá bây giờ là 199.000đ thôi chị"),
                Arguments.of(l("th", "590", 7, true, 12), "ราคา 390 บาทค่ะ"),
                Arguments.of(l("zh-Hans", "259", 7, true, 12), "现在只要199元"),
                Arguments.of(l("zh-Hant", "890", 7, true, 12), "售價1,290元喔"),
                Arguments.of(l("es", "39.95", 30, true, 24), "El precio real es 29,99 €"),
                Arguments.of(l("en", "49", 30, true, 12), "The price went up, it's $59.99 now"),
                Arguments.of(l("ms", "59.9", 15, true, 6), "Harga sebenarnya RM45 sahaja sis"),
                Arguments.of(l("es", "39.95", 30, true, 24), "Te lo dejo en 29,99 € si lo compras hoy"),
                Arguments.of(l("es", "39.95", 30, true, 24), "Se lo vendo por 30 euros"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("misleadingPrices")
    void aPriceThatContradictsTheListingIsMisleading(Listing listing, String text) {
        assertThat(check(listing, text)).contains("misleading_claim");
    }

    static Stream<Arguments> discounts() {
        return Stream.of(
                Arguments.of(l("en", "49", 30, true, 12), "I can give you 15% off if you buy two"),
                Arguments.of(l("zh-Hans", "259", 7, true, 12), "给你打八折"),
                Arguments.of(l("id", "129000", 7, true, 12), "Bisa diskon 20% kak kalau ambil 2"),
                Arguments.of(l("vi", "259000", 7, true, 12), "Chị lấy 2 cái em giảm 50k nha"),
                Arguments.of(l("es", "39.95", 30, true, 24), "Te hago un 10% de descuento"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("discounts")
    void aDiscountOutsideTheListingIsMisleading(Listing listing, String text) {
        assertThat(check(listing, text)).contains("misleading_claim");
    }

    static Stream<Arguments> downgrades() {
        return Stream.of(
                Arguments.of(l("en", "100", 15, true, 12), "Sorry, no returns on sale items"),
                Arguments.of(l("en", "100", 15, true, 12), "You have 3 days to return it"),
                Arguments.of(l("en", "100", 15, true, 12), "Refund only as store credit"),
                Arguments.of(l("en", "100", 15, true, 12), "Return shipping is on you"),
                Arguments.of(l("en", "100", 15, true, 12), "Opening the seal voids the warranty"),
                Arguments.of(l("th", "590", 7, true, 12), "ไม่รับคืนสินค้านะคะ"),
                Arguments.of(l("es", "39.95", 30, true, 24), "Solo aceptamos devoluciones en los primeros 5 días"),
                Arguments.of(l("zh-Hans", "199", 7, true, 12), "退货运费由买家承担哦"),
                Arguments.of(l("vi", "259000", 15, true, 6), "Hàng đã mua không được đổi trả ạ"),
                Arguments.of(l("ms", "59.9", 15, true, 6), "Barang dah beli tak boleh pulang ye"),
                Arguments.of(l("fil", "500", 7, true, 12), "Bawal po ibalik ang item"),
                Arguments.of(l("th", "590", 7, true, 12), "ถ้าแกะซีลแล้วประกันขาดนะคะ"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("downgrades")
    void termsWorseThanTheListingAreADowngrade(Listing listing, String text) {
        assertThat(check(listing, text)).contains("terms_downgrade");
    }

    @Test
    void aShorterWarrantyIsMisleadingAndADowngradeALongerOneOnlyMisleading() {
        assertThat(check(l("en", "100", 15, true, 12), "The warranty is 6 months"))
                .contains("misleading_claim", "terms_downgrade");
        assertThat(check(l("id", "100000", 7, true, 12), "Garansi cuma 3 bulan ya kak"))
                .contains("misleading_claim", "terms_downgrade");
        assertThat(check(l("en", "100", 15, true, 12), "It comes with a 2 year warranty"))
                .contains("misleading_claim")
                .doesNotContain("terms_downgrade");
        assertThat(check(l("zh-Hant", "890", 7, true, 6), "保固一年喔"))
                .contains("misleading_claim")
                .doesNotContain("terms_downgrade");
        assertThat(check(l("zh-Hans", "199", 7, true, 12), "这款终身保修")).contains("misleading_claim");
    }

    static Stream<Arguments> refusalsInOtherWords() {
        return Stream.of(
                Arguments.of(l("en", "100", 15, true, 12), "Sorry, we can't accept returns for this item."),
                Arguments.of(l("en", "100", 15, true, 12), "Returns won't be accepted on this model."),
                Arguments.of(l("en", "100", 15, true, 12), "We cannot offer a refund on this product."),
                Arguments.of(l("en", "100", 15, true, 12), "We are not accepting returns this month."),
                Arguments.of(l("id", "129000", 7, true, 12), "Tidak ada pengembalian dana kak."),
                Arguments.of(l("ms", "59.9", 15, true, 6), "Maaf, barang tidak boleh dipulangkan."),
                Arguments.of(l("vi", "259000", 7, true, 12), "Sản phẩm đã mua không được hoàn tiền."),
                Arguments.of(l("th", "590", 7, true, 12), "สินค้าไม่สามารถคืนได้ค่ะ"),
                Arguments.of(l("zh-Hant", "890", 7, true, 12), "此商品不支援退款喔"),
                Arguments.of(l("zh-Hans", "259", 7, true, 12), "这个无法退款哦"),
                Arguments.of(l("es", "39.95", 30, true, 24), "No se admiten devoluciones en este producto."),
                Arguments.of(l("es", "39.95", 30, true, 24), "No hacemos reembolsos, lo siento."),
                Arguments.of(l("fil", "499", 7, true, 12), "Pasensya na po, hindi po kami tumatanggap ng return."),
                Arguments.of(l("fil", "499", 7, true, 12), "Wala pong refund ito."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusalsInOtherWords")
    void refusingReturnsOrRefundsInOtherWordsIsADowngrade(Listing listing, String text) {
        assertThat(check(listing, text)).contains("terms_downgrade");
    }

    static Stream<Arguments> acceptedReturnsAndRefunds() {
        return Stream.of(
                Arguments.of(l("en", "100", 15, true, 12), "No problem, we accept returns within 15 days."),
                Arguments.of(l("en", "100", 15, true, 12), "Returns won't be a problem at all."),
                Arguments.of(l("en", "100", 15, true, 12), "I can't give a refund myself, the platform processes it."),
                Arguments.of(l("en", "100", 15, true, 12), "Refunds are not possible until we receive the item back."),
                Arguments.of(l("en", "100", 15, true, 12), "Is a refund not possible? Let me check for you."),
                Arguments.of(l("id", "129000", 7, true, 12), "Pengembalian dana bisa kak, maksimal 7 hari."),
                Arguments.of(l("vi", "259000", 7, true, 12), "Shop hỗ trợ hoàn tiền trong 7 ngày nhé."),
                Arguments.of(l("th", "590", 7, true, 12), "คืนได้ภายใน 7 วันค่ะ"),
                Arguments.of(l("zh-Hans", "259", 7, true, 12), "支持7天无理由退款"),
                Arguments.of(l("es", "39.95", 30, true, 24), "Aceptamos devoluciones y hacemos reembolsos."),
                Arguments.of(l("fil", "499", 7, true, 12), "Pwede pong i-return within 7 days."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("acceptedReturnsAndRefunds")
    void acceptingReturnsOrRefundsIsNoDowngrade(Listing listing, String text) {
        assertThat(check(listing, text)).doesNotContain("terms_downgrade");
    }

    static Stream<Arguments> refusalsAfterAWindow() {
        // listing: 7 days
        return Stream.of(
                Arguments.of("No returns after 7 days.", false),
                Arguments.of("We can't accept returns after 10 days.", false),
                Arguments.of("超过7天不退不换哦", false),
                Arguments.of("Sau 7 ngày không đổi trả nha chị", false),
                Arguments.of("No se aceptan devoluciones después de 7 días", false),
                Arguments.of("Tidak bisa retur setelah 7 hari ya kak", false),
                Arguments.of("No returns after 3 days.", true),
                Arguments.of("超过3天不退不换哦", true),
                Arguments.of("Tidak bisa retur setelah 2 hari ya kak", true),
                Arguments.of("No returns, after that we close the order.", true),
                Arguments.of("No returns. The parcel arrives after 7 days.", true),
                Arguments.of("No returns. Ships after 7 days.", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalsAfterAWindow")
    void refusingReturnsOnlyAfterTheListedWindowRepeatsIt(String text, boolean downgrade) {
        java.util.Set<String> found = check(l("en", "100", 7, true, 12), text);
        if (downgrade) {
            assertThat(found).contains("terms_downgrade");
        } else {
            assertThat(found).doesNotContain("terms_downgrade");
        }
    }

    static Stream<Arguments> consistent() {
        return Stream.of(
                Arguments.of(l("en", "100", 15, true, 12), "Returns are accepted within 15 days, free of charge"),
                Arguments.of(l("en", "100", 15, true, 12), "Warranty is one year, as listed"),
                Arguments.of(l("en", "100", 15, true, 12), "We ship within 2 days and delivery takes 3-5 days"),
                Arguments.of(l("en", "100", 15, true, 12), "The refund takes 3 days to show up"),
                Arguments.of(l("en", "100", 15, true, 12), "We will process your return in 2 days"),
                Arguments.of(l("en", "100", 15, true, 12), "The shipping fee is $5, the item is $100"),
                Arguments.of(l("en", "100", 15, true, 12), "It fits 2 adults, weighs 3 kg and is 100% waterproof"),
                Arguments.of(l("en", "100", 15, true, 12), "The battery lasts 12 hours"),
                Arguments.of(l("en", "100", 15, false, 12), "Return shipping is paid by the buyer as stated"),
                Arguments.of(l("id", "100000", 7, true, 12), "Garansi 1 tahun sesuai deskripsi kak"),
                Arguments.of(l("vi", "259000", 7, true, 6), "Đổi trả trong 7 ngày nha chị"),
                Arguments.of(l("zh-Hans", "199", 7, true, 12), "七天无理由退货，运费平台承担"),
                Arguments.of(l("th", "590", 7, true, 12), "ราคา 590 บาทเท่าเดิมค่ะ"),
                Arguments.of(l("zh-Hant", "890", 7, true, 12), "保固12個月，跟頁面一樣"),
                Arguments.of(l("es", "39.95", 30, true, 24), "La garantía es de 24 meses"),
                Arguments.of(l("es", "39.95", 30, true, 24), "Te lo dejo en la puerta a las 5"),
                Arguments.of(l("es", "39.95", 30, true, 24), "Te lo dejo en 39,95 €, como en la página"),
                Arguments.of(l("zh-Hans", "59.9", 7, true, 0), "这款不提供保修，页面上也写了"),
                Arguments.of(l("en", "29.99", 30, true, 12), "Order 2409150017 ships on 12/03, size 42"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("consistent")
    void restatingTheListingAndOtherFiguresAreNotClaims(Listing listing, String text) {
        assertThat(check(listing, text)).doesNotContain("misleading_claim", "terms_downgrade");
    }

    @Test
    void whatAnAbsentListingFieldWouldDecideIsNotJudged() {
        Listing unknown = Listing.unknown();
        assertThat(check(unknown, "The price is $59.99 now, warranty only 3 months, no returns"))
                .doesNotContain("misleading_claim", "terms_downgrade");
        Listing noFreeReturnInfo = listing("en", "100", 15, null, 12);
        assertThat(check(noFreeReturnInfo, "Return shipping is on you")).doesNotContain("terms_downgrade");
    }
}
