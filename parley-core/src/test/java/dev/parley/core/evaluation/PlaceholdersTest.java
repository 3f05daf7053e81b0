package dev.parley.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hi",
                "Hi!",
                "hiii",
                "HELLO 😊",
                "ok 👍",
                "ok",
                "Okay, thanks!",
                "okkk",
                "👍",
                "🙏🙏",
                "👍🏽",
                "❤️",
                "...",
                "good morning sir",
                "Hi there, please wait a moment",
                "Thank you so much dear :)",
                "one moment please",
                "noted, thanks",
                "let me check for you",
                "Hello! Let me check that for you, just a sec 🙏",
                "sorry for the late reply",
                "you're welcome",
                "ma'am thank you",
                "Hi! How can I help you today?"
            })
    void englishGreetingsAcknowledgementsAndWaitsArePlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ok, shipped today, tracking TH123",
                "hi, the price is 200 baht",
                "thanks for your order, it ships tomorrow",
                "yes",
                "no",
                "sure",
                "please",
                "sir",
                "ok 2 pcs",
                "hit",
                "okay we have size M",
                "wait, that one is sold out",
                "hello, it is waterproof",
                "thanks! $5 off",
                "hi https://shop.example/p/1",
                "how can I help: the red one is sold out",
                "ok today",
                "",
                "   "
            })
    void englishMessagesWithContentAreNotPlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "稍等",
                "请稍等",
                "請稍等",
                "亲，请稍等哦～",
                "您好亲，在的",
                "好的",
                "好的好的👌",
                "收到，谢谢！",
                "謝謝您",
                "不客气哦",
                "我帮您查一下",
                "稍等一下，我看一下",
                "嗯嗯",
                "哈哈哈",
                "您好，请问有什么可以帮您？"
            })
    void chineseGreetingsAcknowledgementsAndWaitsArePlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"稍等，已经发货了", "好的，明天发货", "亲，这款有货", "您好，快递单号是SF1234567", "有", "没有", "可以", "是的", "不行", "亲"})
    void chineseMessagesWithContentAreNotPlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sebentar ya kak",
                "Sebentar ya kak 🙏",
                "halo kak",
                "terima kasih kak",
                "makasih ya gan",
                "oke siap kak",
                "mohon ditunggu ya kak",
                "tunggu sebentar ya, kami cek dulu",
                "selamat pagi kak",
                "sama-sama kak",
                "baik kak, ditunggu",
                "Halo kak, ada yang bisa dibantu?"
            })
    void indonesianPlaceholdersArePlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sebentar ya kak, stok habis",
                "ya kak",
                "ada kak",
                "sore kak",
                "oke kak, sudah dikirim",
                "terima kasih, resi JNE123",
                "tidak ada"
            })
    void indonesianMessagesWithContentAreNotPlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sekejap ya cik", "terima kasih tuan", "sila tunggu sebentar", "ok noted boss", "kejap ye"})
    void malayPlaceholdersArePlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kejap ye, barang dah pos", "terima kasih, harga RM20", "ada stok cik"})
    void malayMessagesWithContentAreNotPlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ค่ะ รอสักครู่นะคะ",
                "สวัสดีค่ะ",
                "สวัสดีครับ",
                "ขอบคุณค่ะ",
                "ขอบคุณมากๆ ค่ะ 🙏",
                "รอสักครู่นะคะ",
                "รอแป๊บนึงนะครับ",
                "สวัสดีค่ะ คุณลูกค้า รอสักครู่นะคะ",
                "รับทราบค่ะ",
                "ค่าาา รอสักครู่น้า",
                "ขอเช็คก่อนนะคะ",
                "สวัสดีค่ะ มีอะไรให้ช่วยไหมคะ"
            })
    void thaiPlaceholdersArePlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ค่ะ ส่งของแล้วนะคะ",
                "รอสักครู่นะคะ สินค้าหมดค่ะ",
                "ค่ะ",
                "ได้ค่ะ",
                "มีค่ะ",
                "ราคา 200 บาทค่ะ",
                "สวัสดีค่ะ เลขพัสดุ TH123456"
            })
    void thaiMessagesWithContentAreNotPlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dạ shop chờ chút ạ",
                "da shop cho chut a",
                "Dạ, chờ xíu nha",
                "xin chào bạn",
                "cảm ơn bạn nhiều ạ",
                "Cám ơn shop",
                "dạ để em kiểm tra ạ",
                "ok ạ",
                "Chào bạn, shop có thể giúp gì cho bạn ạ?"
            })
    void vietnamesePlaceholdersArePlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dạ shop gửi hàng rồi ạ",
                "dạ",
                "dạ còn hàng ạ",
                "dạ vâng ạ",
                "cảm ơn, mã vận đơn VN123",
                "dạ đổi ạ"
            })
    void vietnameseMessagesWithContentAreNotPlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "un momento por favor",
                "Un momento, por favor 🙏",
                "hola",
                "¡Hola! Buenos días",
                "muchas gracias",
                "gracias por esperar",
                "de nada, amigo",
                "ok, déjeme revisar",
                "vale",
                "Hola, ¿en qué puedo ayudarle?"
            })
    void spanishPlaceholdersArePlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "un momento, ya lo enviamos",
                "hola, sí tenemos stock",
                "sí",
                "gracias, llega el martes",
                "por favor"
            })
    void spanishMessagesWithContentAreNotPlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sandali lang po",
                "Sandali lang po ma'am",
                "salamat po",
                "maraming salamat po 😊",
                "sige po",
                "magandang umaga po",
                "wait lang po, check ko lang",
                "Hello po! Ano po ang maitutulong ko?"
            })
    void filipinoPlaceholdersArePlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sandali lang po, naipadala na", "opo", "po", "salamat po, meron pa kaming stock"})
    void filipinoMessagesWithContentAreNotPlaceholders(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
    }
}
