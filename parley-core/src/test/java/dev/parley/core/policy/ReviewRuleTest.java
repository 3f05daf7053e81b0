package dev.parley.core.policy;

import static dev.parley.core.policy.ContentChecks.cases;
import static dev.parley.core.policy.ContentChecks.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewRuleTest {

    static Stream<Arguments> positiveRequests() {
        return cases("""
                en | Please leave a 5 star review!
                en | Kindly leave positive feedback for us
                en | give us ⭐⭐⭐⭐⭐ please
                en | A five-star rating would mean the world to us, please!
                en | pls f1ve st@rz thx
                en | rate us 5* pls
                en | Please mention 'fast delivery' in your review
                id | Kasih bintang 5 ya kak
                id | minta rating 5 ya kak
                ms | Bagi 5 bintang ye sis
                vi | Cho shop xin 5 sao nha
                vi | đánh giá tốt giúp shop nhé
                th | ช่วยรีวิว 5 ดาวให้หน่อยนะคะ
                zh-Hans | 给个五星好评吧
                zh-Hant | 麻煩給個好評喔
                es | Déjanos 5 estrellas porfa
                fil | Pa-5 stars po
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("positiveRequests")
    void askingForATopRatingOrDictatingTheWordsIsAPositiveRequest(String language, String text) {
        assertThat(found(language, text)).contains("review_manipulation:positive_request");
    }

    static Stream<Arguments> incentives() {
        return cases("""
                en | Leave a review and get a free gift
                en | We'll refund you $2 if you leave a good review
                en | Send us a screenshot of your review and we'll send you a voucher
                en | Post a photo review to get $5 cashback
                id | Review bintang 5 dapat voucher
                id | Kalau kasih ulasan positif nanti kami kasih bonus
                ms | Review 5 bintang dapat free gift
                vi | Đánh giá 5 sao được tặng quà
                th | รีวิวดีๆ รับส่วนลด 10%
                zh-Hans | 好评返5元
                zh-Hans | 五星好评送赠品
                es | Si nos das buena reseña te regalamos un cupón
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("incentives")
    void somethingOfValueForAReviewIsAnIncentive(String language, String text) {
        assertThat(found(language, text)).contains("review_manipulation:incentive");
    }

    static Stream<Arguments> removals() {
        return cases("""
                en | Could you change your review to 5 stars?
                en | Please remove the 1-star review, we've resolved it
                en | Can you please take your review down? We sent a new one
                id | Tolong ubah ulasannya ya kak
                id | Kak, bisa dihapus reviewnya?
                ms | Tolong padam review tu sis
                vi | Chị sửa đánh giá giúp em nhé
                th | ลบรีวิวให้หน่อยได้ไหมคะ
                zh-Hans | 麻烦删一下差评
                zh-Hant | 可以幫忙刪除評論嗎
                es | borra la reseña de 1 estrella por favor
                fil | paki-delete po ng review
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("removals")
    void askingToDeleteOrChangeAReviewIsARemovalRequest(String language, String text) {
        assertThat(found(language, text)).contains("review_manipulation:removal_request");
    }

    static Stream<Arguments> allowed() {
        return cases("""
                en | Thanks so much for your kind review!
                en | If you have a moment, we'd love to hear your feedback
                en | When you have a minute, feel free to rate your experience
                en | Please review your order details before checkout
                en | Please review the size chart and change the size if needed
                en | This lamp has 5-star reviews from over 2,000 buyers
                id | Terima kasih atas ulasan bintang 5 nya kak
                vi | Cảm ơn chị đã đánh giá 5 sao cho shop ạ
                th | ขอบคุณสำหรับรีวิวค่ะ
                th | ดาวน์โหลดแอปฟรีได้เลยค่ะ
                zh-Hans | 感谢您的五星好评
                zh-Hans | 这款评价很好，好评率99%
                es | Tu opinión nos importa, cuéntanos qué te pareció
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("allowed")
    void neutralInvitationsAndThanksAreAllowed(String language, String text) {
        assertThat(found(language, text)).doesNotContain("review_manipulation");
    }

    @Test
    void aRefundAlreadyMadeIsNotAnIncentiveButTheRemovalRequestStands() {
        assertThat(found("en", "The refund went through yesterday, could you delete the negative review?"))
                .contains("review_manipulation:removal_request")
                .doesNotContain("review_manipulation:incentive");
    }

    @Test
    void aDiscountForAReviewIsNotAlsoAMisleadingPriceClaimOrAnAdvert() {
        assertThat(found("en", "Rate us 5 stars and get 10% off your next order"))
                .contains("review_manipulation:incentive")
                .doesNotContain("misleading_claim", "unsolicited_marketing");
    }
}
