package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OffPlatformContactDetectorTest {
    private static final PolicyChecker CHECKER = PolicyChecker.create(PolicyConfig.defaults());

    private static List<String> kinds(String text, @Nullable String currency) {
        CheckRequest request = CheckRequest.ofText(text);
        if (currency != null) {
            request = request.withListing(new Listing(null, null, currency, null, null, null));
        }
        Verdict verdict = CHECKER.check(request);
        for (Violation v : verdict.violations()) {
            if (v.located()) {
                assertThat(v.evidence()).isEqualTo(text.substring(v.start(), v.end()));
            }
        }
        return verdict.violations().stream()
                .filter(v -> v.rule() == Rule.OFF_PLATFORM_CONTACT)
                .map(Violation::kind)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // links and bare domains, plain and evasive
                "Manual at https://lilyhomegoods.com/manual.pdf | USD | url",
                "order at gearbarn.co.uk today | GBP | url",
                "see hxxps://evil-shop.com/deal | USD | url",
                "visit example[.]com for more | USD | url",
                "our site is lilyshop dot com | USD | url",
                "网址 www点lilyhome点cn 看看 | CNY | url",
                "ดูที่ lalashop ดอท คอม ค่ะ | THB | url",
                "xem ở lanshop chấm vn nha | VND | url",
                "está en tiendaluna punto es/tallas | EUR | url",
                "cek di s.id/rinasize kak | IDR | url",
                "video: bit.ly/3xKq9Lm | USD | url",
                "craftnest.shор has more colours | USD | url",
                // e-mail
                "mail me at jay.customs@gmail.com | USD | email",
                "ventas arroba gmail punto com | EUR | email",
                "lily520 艾特 qq 点 com | CNY | email",
                "name(at)yahoo.com please | USD | email",
                "lily0520 小老鼠 yahoo.com.tw | TWD | email",
                "jay.customs at yahoo dot com | USD | email",
                // messaging apps and invitations
                "add me on w h a t s a p p | USD | im_account",
                "WA aku ya kak | IDR | im_account",
                "加我VX：lily_520 | CNY | im_account",
                "加賴 lilyshop0520 一下 | TWD | im_account",
                "แอดไลน์มาได้เลยค่ะ | THB | im_account",
                "kết bạn Z@lo em nha | VND | im_account",
                "agrégame al wasap | MXN | im_account",
                "msg me on Tеlеgrаm @kev_parts | USD | im_account",
                "I'm on Signal, same number | USD | im_account",
                "DM me on IG @lily.homegoods | USD | im_account",
                "chat me on t.me/kev_parts | USD | im_account",
                "quicker here: wa.me/14155550199 | USD | im_account",
                "i-add mo ako sa viber | PHP | im_account",
                // payment
                "pay at paypal.me/lilyhome | USD | payment_account",
                "send it by Venmo @lily-home | USD | payment_account",
                "my cashtag is on Cash App | USD | payment_account",
                "Bisa bayar lewat DANA kak | IDR | payment_account",
                "可以微信转账给我 | CNY | payment_account",
                "จ่ายผ่านพร้อมเพย์ได้ค่ะ | THB | payment_account",
                "chuyển Momo cho em nha | VND | payment_account",
                "Págame por Bizum | EUR | payment_account",
                "You can pay via GCash po | PHP | payment_account",
                // bank accounts and cards
                "Transfer ke B C A 8720 1234 56 a.n. Rina | IDR | bank_account",
                "Vietcombank STK 0071000123456 | VND | bank_account",
                "โอนเข้ากสิกร ๑๒๓-๔-๕๖๗๘๙-๐ | THB | bank_account",
                "帳號 123456789012 | TWD | bank_account",
                "IBAN ES91 2100 0418 4502 0005 1332 | EUR | bank_account",
                "card 4111 1111 1111 1111 | USD | bank_account",
                // diversion and addresses
                "let's finish this outside the app | USD | diversion",
                "Cancela el pedido y págame directamente | EUR | diversion",
                "我們私下交易就好 | TWD | diversion",
                "khỏi qua sàn nha chị | VND | diversion",
                "สั่งนอกแอปได้ค่ะ | THB | diversion",
                "kita deal luar lagi senang | MYR | diversion",
                "Pásate por la tienda física: Calle Mayor 45 | EUR | address",
                "可以到我们实体店自提：天河路 88 号 | CNY | address",
                "มารับของที่หน้าร้านได้ค่ะ | THB | address",
                "Mampir ke toko offline kita di Jl. Melati No. 8 | IDR | address",
            })
    void findsContactChannels(String text, String currency, String kind) {
        assertThat(kinds(text, currency)).contains(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Model number is KX-T7730 | USD",
                "tracking TH01234567890 via Flash | THB",
                "Order ID 577023456789012345 confirmed | USD",
                "guía 7123456789, llega en 3 días | MXN",
                "Your order 2409150017 was split | USD",
                "Order number 2409150017 is on its way | USD",
                "Nomor pesanan 081234567890 sudah diproses | IDR",
                "Dimensions 120 x 60 x 75 cm | USD",
                "Delivery 12/03/2025 between 14:00-18:00 | USD",
                "Toko buka jam 08.00-21.00 WIB | IDR",
                "ISBN 978-0-306-40615-7 | USD",
                "The IMEI 356938035643809 is on the box | USD",
                "USPS tracking: 9400 1118 9922 3845 1234 56 | USD",
                "订单号 5770234567890123 已处理 | CNY",
                "託運單號 9012-3456-7890 | TWD",
                "Resi JNE 4101234567890123 ya | IDR",
                "Batch code 20240517 | USD",
                "Harga RM59.90 sama | MYR",
                "Rp129.000 sesuai etalase | IDR",
                "ราคา 590 บาท | THB",
                "https://shop.tiktok.com/view/product/1729381234567890123 | USD",
                "We don't use WhatsApp or email for orders | USD",
                "Kami tidak pakai WA ya kak | IDR",
                "我们不加微信，有问题直接在这里聊 | CNY",
                "我們不用 LINE 私下聯絡 | TWD",
                "ทางร้านไม่ใช้ไลน์ในการซื้อขายนะคะ | THB",
                "Shop không dùng Zalo để chốt đơn | VND",
                "No usamos WhatsApp para pedidos | EUR",
                "We can't accept payment outside the app | USD",
                "we ship via LINE Express | THB",
                "The signal is weak in the basement | USD",
                "Alamat pengiriman: Jl. Melati No. 12, Bandung | IDR",
                "Confirm your delivery address: 14 Elm Road, Leeds | GBP",
                "Thanks.See you tomorrow | USD",
                "show image.jpg and node.js | USD",
                "One of the best, two or three days | USD",
                "dana sudah dikembalikan ke akun kakak | IDR",
                "The invoice is emailed to you by the platform | USD",
                "Customs cleared at 9:30, out for delivery | USD",
                "Refund of $29.99 processed through the app | USD",
                "Size EU 38-42 available, 24.5 cm | EUR",
            })
    void leavesHardNegativesAlone(String text, String currency) {
        assertThat(kinds(text, currency)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hotline ④①⑤-⑤⑤⑤-⓪①⑦⑧",
                "📞 4️⃣1️⃣5️⃣5️⃣5️⃣5️⃣0️⃣1️⃣6️⃣3️⃣",
                "call 2 1 three - 555 - oh one 4 eight",
                "my cell is four one five, five five five, zero one nine two",
                "reach me at +1 415\u200b555\u200b0186 today",
            })
    void findsEvasivePhoneNumbers(String text) {
        assertThat(kinds(text, "USD")).contains("phone");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Download TrackMyParcel.apk to see your parcel",
                "Sis download fail Resit_Pembayaran.exe yang sy hantar",
                "下载APP：www点lilyhome点cn/app.apk",
            })
    void executableOfferedForInstallIsMalware(String text) {
        Verdict verdict = CHECKER.check(CheckRequest.ofText(text));
        assertThat(verdict.violations()).anySatisfy(v -> {
            assertThat(v.rule()).isEqualTo(Rule.PROHIBITED_USE);
            assertThat(v.kind()).isEqualTo("malware");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Never install .apk files that strangers send you", "The .exe extension is for Windows"})
    void executableNamedWithoutAnOfferIsNotMalware(String text) {
        assertThat(CHECKER.check(CheckRequest.ofText(text)).has(Rule.PROHIBITED_USE))
                .isFalse();
    }
}
