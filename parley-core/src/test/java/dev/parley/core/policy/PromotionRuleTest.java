package dev.parley.core.policy;

import static dev.parley.core.policy.ContentChecks.cases;
import static dev.parley.core.policy.ContentChecks.found;
import static dev.parley.core.policy.ContentChecks.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromotionRuleTest {

    static Stream<Arguments> promotions() {
        return cases("""
                en | Check out our new collection!
                en | Follow our store for more deals
                en | Don't miss our 9.9 sale
                en | Join our live stream tonight for giveaways
                en | Your order has shipped. Also, use code SAVE20 on your next purchase!
                en | We just restocked and added new styles, come take a look at our shop
                id | Ayo follow toko kami biar dapat info promo
                id | Kak, ada flash sale jam 12 nanti, jangan sampai ketinggalan
                vi | Shop đang có chương trình khuyến mãi cực lớn nha
                vi | Ghé shop xem thêm nhiều mẫu mới nha chị
                th | ฝากกดติดตามร้านด้วยนะคะ
                zh-Hans | 店铺上新啦，快来看看
                zh-Hant | 全館滿千折百，快來逛逛
                es | ¡Aprovecha nuestras ofertas de temporada!
                fil | Follow niyo po ang shop namin para sa mga bagong dating
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("promotions")
    void promotionalContentIsFoundWithoutTheBuyersQuestion(String language, String text) {
        assertThat(found(language, text)).contains("unsolicited_marketing:promotion");
    }

    static Stream<Arguments> answers() {
        return cases("""
                en | Sorry, there's no sale right now
                en | The blue one is back in stock, you can order it now
                en | We'll send you a new one today, free of charge
                en | Please follow the instructions in the manual
                id | Maaf kak, belum ada promo saat ini
                id | Barang baru kami kirim besok sebagai pengganti ya kak
                vi | Dạ shop gửi hàng mới cho chị thay thế nha
                zh-Hans | 这个没有活动哦，价格就是这样
                es | No tenemos ofertas ahora mismo, lo siento
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("answers")
    void ordinaryAnswersAndDeniedPromotionsAreNotPromotion(String language, String text) {
        assertThat(found(language, text)).doesNotContain("unsolicited_marketing");
    }

    private static Verdict answering(@Nullable String buyer, String seller) {
        return ContentChecks.CHECKER.check(
                new CheckRequest(seller, true, listing("en"), List.of(), buyer, List.of(), null));
    }

    @Test
    void aPromotionThatAnswersTheBuyersQuestionAboutDiscountsIsAllowed() {
        String seller = "Yes! Follow our shop, there's a flash sale on Friday";
        assertThat(found(answering("Do you have any discounts coming up?", seller)))
                .doesNotContain("unsolicited_marketing");
        assertThat(found(answering("Is the M size still in stock?", seller)))
                .contains("unsolicited_marketing:promotion");
        assertThat(found(answering(null, seller))).contains("unsolicited_marketing:promotion");
    }
}
