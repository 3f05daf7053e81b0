package dev.parley.core.policy;

import static dev.parley.core.policy.ContentChecks.cases;
import static dev.parley.core.policy.ContentChecks.check;
import static dev.parley.core.policy.ContentChecks.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AbuseRuleTest {

    static Stream<Arguments> insults() {
        return cases("""
                en | You're such a moron, read the listing
                en | are u blind or just stupid?
                en | get lost you loser
                en | piss off mate
                id | Goblok banget sih lu
                id | Dasar tolol, baca dulu
                id | kamu bego ya? udah dijelasin
                ms | Bodoh la kau ni
                ms | bangang betul customer ni
                vi | Mày ngu vậy
                vi | đồ ngu, đọc mô tả đi
                vi | dcm mày
                th | โง่จริงๆ เลย
                th | มึงโง่หรือไง
                th | ไอ้บ้า อ่านไม่ออกเหรอ
                zh-Hans | 你是不是智障
                zh-Hans | 脑残吧你
                zh-Hant | 靠北喔，講幾次了
                zh-Hant | 你是87喔
                es | eres un idiota
                es | no seas estúpido, lee
                es | cállate ya, tonto
                fil | tanga ka ba?
                fil | gago ka talaga
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("insults")
    void insultsAreFoundInEveryMarketplaceLanguage(String language, String text) {
        assertThat(found(language, text)).contains("abusive_language:insult");
    }

    static Stream<Arguments> disguisedInsults() {
        return cases("""
                en | f***ing idiot, read the page
                en | ur an id1ot honestly
                en | dumb b!tch can't read
                en | Fvck this, read the description
                en | idiooooot
                en | F U C K off
                en | s.t.u.p.i.d question
                en | stfu n00b
                id | g0bl0k lu
                id | b4ngs4t
                zh-Hans | 傻b一个
                zh-Hans | cnm 别问了
                vi | d.m hỏi gì hỏi lắm
                th | เหี้ยยยย
                es | p3nd3j0
                fil | tang*na mo
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("disguisedInsults")
    void disguisedInsultsAreFound(String language, String text) {
        assertThat(found(language, text)).contains("abusive_language:insult");
    }

    static Stream<Arguments> threats() {
        return cases("""
                en | I know where you live.
                en | Watch your back, buddy
                en | You will regret leaving that review
                en | I'm going to come to your house tomorrow and settle this
                en | I'll post your address online for everyone to see
                id | Gue tau alamat lu ya
                id | gue samperin ke rumah lu
                ms | Aku tahu rumah kau kat mana
                vi | Tao biết nhà mày ở đâu
                vi | tao sẽ đến nhà mày
                th | รู้นะว่าบ้านอยู่ไหน
                zh-Hans | 我知道你家在哪
                zh-Hant | 再鬧我就去你家
                es | te vas a arrepentir
                fil | humanda ka sa akin
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("threats")
    void threatsAreFound(String language, String text) {
        assertThat(found(language, text)).contains("abusive_language:threat");
    }

    static Stream<Arguments> harassment() {
        return cases("""
                en | I'll message you every day until you accept the parcel
                en | Answer me! Answer me now!
                en | Block me if you like, I'll just make another account
                id | Kalau gak dibales, gue bakal terus spam chat kamu
                zh-Hans | 不回就一直打你电话
                es | Te seguiré escribiendo hasta que me respondas
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("harassment")
    void relentlessContactIsHarassment(String language, String text) {
        assertThat(found(language, text)).contains("abusive_language:harassment");
    }

    static Stream<Arguments> sexual() {
        return cases("""
                en | send me a pic in that bikini 😏
                en | are you single? you look so sexy 😉
                id | kirim foto pake lingerie dong kak
                zh-Hans | 想看你穿这件内衣的样子，拍给我看
                th | ส่งรูปใส่บิกินี่มาดูหน่อย
                es | mándame una foto con la lencería puesta
                vi | em gửi ảnh nóng cho anh xem đi
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sexual")
    void sexualRemarksAreFound(String language, String text) {
        assertThat(found(language, text)).contains("abusive_language:sexual");
    }

    static Stream<Arguments> hate() {
        return cases("""
                en | you people are all the same, thieves
                en | typical Indian buyer, always bargaining
                id | orang Cina semua penipu
                vi | người Tàu toàn lừa đảo
                th | คนพม่าขี้โกง
                es | los chinos son todos ladrones
                zh-Hans | 你们这种人就是素质低
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hate")
    void groupStereotypesAreHate(String language, String text) {
        assertThat(found(language, text)).contains("abusive_language:hate");
    }

    static Stream<Arguments> innocent() {
        return cases("""
                en | Yes, we deliver to Essex and Middlesex
                en | This hoodie is a hell of a deal at this price
                en | The assassin figure ships tomorrow
                en | Our dog bed is washable, your dog will love it
                en | Do you have a dog? The collar comes in S and M
                en | Sorry if my last message sounded stupid, let me explain again
                en | The hot water bottle comes with a knitted cover
                en | Please send me a photo of the damaged box so I can file a claim
                en | The bag is vegan leather, so no animal products at all.
                en | You won't regret this purchase!
                en | The courier will come to your address tomorrow between 9 and 12
                en | We'll send a technician to your home to install it
                id | Makanan anjing ini cocok untuk anjing kecil
                id | Boneka babi ini lucu banget kak
                ms | Produk ini tak ada bahan babi
                vi | Đồ chơi cho chó bằng cao su
                vi | Shop sẽ giao tận nhà cho chị
                th | หมอนรูปหมาน่ารักมากค่ะ
                th | บ้านลูกค้าอยู่ไกลไหมคะ อ่านรายละเอียดบ้างนะคะ
                zh-Hans | 这款狗狗玩具很耐咬
                zh-Hans | 你在干嘛呢？需要帮忙吗
                zh-Hans | 垃圾袋是加厚的
                zh-Hans | 保证你不会后悔
                zh-Hans | 我们会寄到你的地址
                zh-Hant | 這款幹練的外套很百搭，傻瓜式操作
                zh-Hant | 你可以試試看這個顏色
                zh-Hant | 價格是87元
                es | Tu perro estará cómodo con esta cama
                es | ¡Te va a encantar! No te arrepentirás
                """).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("innocent")
    void innocentWordsAndProductContextsAreNotAbuse(String language, String text) {
        assertThat(found(language, text)).doesNotContain("abusive_language");
    }

    @Test
    void evidenceIsTheDisguisedSpellingAsWritten() {
        String text = "you absolute ＩＤ1ＯＴ, it's in the photos";
        Violation v = check("en", text).violations().getFirst();
        assertThat(v.rule()).isEqualTo(Rule.ABUSIVE_LANGUAGE);
        assertThat(v.evidence()).isEqualTo("ＩＤ1ＯＴ");
        assertThat(text.substring(v.start(), v.end())).isEqualTo(v.evidence());
    }

    @Test
    void aQuotedInsultIsStillAnInsult() {
        assertThat(found("en", "You called us 'idiots' in your message, please be polite"))
                .contains("abusive_language:insult");
    }
}
