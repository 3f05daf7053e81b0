package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.policy.Figures.Figure;
import dev.parley.core.policy.Figures.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    private static List<Figure> figures(String text) {
        return Figures.of(NormalizedText.of(text));
    }

    private static Figure only(String text, Kind kind) {
        List<Figure> of = figures(text).stream().filter(f -> f.kind() == kind).toList();
        assertThat(of).as("%s in %s", kind, text).hasSize(1);
        return of.getFirst();
    }

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "harga Rp 150.000 kak; 150000; IDR",
                "harga Rp150.000; 150000; IDR",
                "售價1,290元; 1290; TWD",
                "ราคา ฿590 ค่ะ; 590; THB",
                "giá 899.000đ nha; 899000; VND",
                "now $19.99; 19.99; USD",
                "el precio es 39,95 €; 39.95; EUR",
                "RM59.90 sama; 59.9; MYR",
                "NT$890 喔; 890; TWD",
                "only ¥199; 199; CNY",
                "cuma 150rb kak; 150000; IDR",
                "còn 2tr thôi; 2000000; VND",
                "US$ 1,299.50 today; 1299.5; USD"
            })
    void amountsAreReadInLocalFormatsWithTheirCurrency(String text, String value, String currency) {
        Figure f = only(text, Kind.MONEY);
        assertThat(f.value()).isEqualByComparingTo(value);
        assertThat(f.currencies()).contains(currency);
    }

    @Test
    void aThousandsSuffixWithoutCurrencyIsABareNumber() {
        assertThat(only("giá chỉ 199k thôi", Kind.NUMBER).value()).isEqualByComparingTo("199000");
    }

    @ParameterizedTest(name = "{0} = {1} months")
    @CsvSource(
            delimiter = ';',
            value = {
                "warranty 12 months; 12",
                "a 3-year warranty; 36",
                "保修只有三个月; 3",
                "保固兩年; 24",
                "保固一年半; 18",
                "garansi 2 tahun; 24",
                "garantía de dos años; 24",
                "bảo hành 6 tháng; 6",
                "รับประกันหนึ่งปี; 12",
                "garansi setahun; 12",
                "isang taon na warranty; 12"
            })
    void durationsAreReadInEveryLanguage(String text, double months) {
        assertThat(only(text, Kind.DURATION).months()).isCloseTo(months, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void hoursAndRangesBecomeDaysTakingTheLargerEnd() {
        assertThat(only("después de 48 horas", Kind.DURATION).days()).isEqualTo(2.0);
        assertThat(only("arrives in 2-3 days", Kind.DURATION).days()).isEqualTo(3.0);
        assertThat(only("退货要在3天内", Kind.DURATION).days()).isEqualTo(3.0);
    }

    @Test
    void percentagesAndChineseDiscountRates() {
        assertThat(only("30% off today", Kind.PERCENT).value()).isEqualByComparingTo("30");
        assertThat(only("给你打八折", Kind.PERCENT_OFF).value()).isEqualByComparingTo("20");
        assertThat(only("85折", Kind.PERCENT_OFF).value()).isEqualByComparingTo("15");
        assertThat(figures("三折叠伞")).noneMatch(f -> f.kind() == Kind.PERCENT_OFF);
    }

    @Test
    void codesDatesAndYearsAreNotAmountsOrDurations() {
        assertThat(figures("Model KX-T7730, SKU HD2231BLK, 65W, 5G, 1Z999AA10123456784"))
                .noneMatch(f -> f.kind() == Kind.MONEY || f.kind() == Kind.DURATION);
        assertThat(figures("2024年3月生产")).noneMatch(f -> f.kind() == Kind.DURATION);
        assertThat(figures("12.03.2025")).noneMatch(f -> f.kind() == Kind.MONEY);
    }

    @Test
    void figuresAreLocatedInTheOriginalText() {
        String text = "Giá ＲＭ４５ thôi";
        Figure f = only(text, Kind.MONEY);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("ＲＭ４５");
    }
}
