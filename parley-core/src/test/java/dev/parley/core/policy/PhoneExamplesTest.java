package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * libphonenumber's example number of every type for every marketplace region, in national and international format,
 * inside the phrases people use to share a number, is found as a phone number covering the whole number.
 */
class PhoneExamplesTest {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PolicyChecker CHECKER = PolicyChecker.create(PolicyConfig.defaults());
    private static final List<String> PHRASES = List.of(
            "call me %s",
            "WA %s",
            "nhắn Zalo %s nha",
            "加我 %s",
            "โทร %s ได้ค่ะ",
            "hubungi %s ya kak",
            "llámame al %s",
            "my number is %s, text me",
            "电话%s",
            "tawagan mo ako sa %s");

    private static boolean found(String phrase, String number, String region) {
        String text = phrase.formatted(number);
        int at = text.indexOf(number);
        CheckRequest request = new CheckRequest(text, true, null, List.of(), null, List.of(), region);
        return CHECKER.check(request).violations().stream()
                .anyMatch(v -> "phone".equals(v.kind()) && v.start() <= at && v.end() >= at + number.length());
    }

    @Test
    void everyExampleNumberInEveryPhraseIsFound() {
        List<String> missed = new ArrayList<>();
        int tried = 0;
        for (String region : Regions.MARKETPLACE) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = PHONES.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                for (PhoneNumberFormat format :
                        List.of(PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164)) {
                    String number = PHONES.format(example, format);
                    for (String phrase : PHRASES) {
                        tried++;
                        if (!found(phrase, number, region)) {
                            missed.add(region + " " + type + " " + phrase.formatted(number));
                        }
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(1000);
        assertThat(missed).as("example numbers not found").isEmpty();
    }

    @Test
    void internationalNumbersAreFoundWithoutAnyContextWord() {
        List<String> missed = new ArrayList<>();
        for (String region : Regions.MARKETPLACE) {
            PhoneNumber mobile = PHONES.getExampleNumberForType(region, PhoneNumberType.MOBILE);
            String number = PHONES.format(mobile, PhoneNumberFormat.INTERNATIONAL);
            if (!found("see you there %s", number, "US")) {
                missed.add(number);
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void groupedOrTrunkPrefixedNationalNumbersAreFoundBare() {
        assertThat(found("ok %s", "0812-3456-7890", "ID")).isTrue();
        assertThat(found("ok %s", "(201) 555-0123", "US")).isTrue();
        assertThat(found("ok %s", "0912 345 678", "TW")).isTrue();
        assertThat(found("ok %s", "612 34 56 78", "ES")).isTrue();
    }

    @Test
    void bareUngroupedDigitRunsWithoutContextAreNotPhones() {
        assertThat(found("order %s shipped", "2012345678", "US")).isFalse();
        assertThat(found("ref %s", "81234567", "SG")).isFalse();
        assertThat(found("guía %s", "2221234567", "MX")).isFalse();
        assertThat(found("code %s ok", "51234567", "HK")).isFalse();
    }

    @Test
    void aPhoneLikeCodeAfterAnOrderWordIsNotAPhoneEvenWhenGrouped() {
        assertThat(found("tracking %s", "0812-3456-7890", "ID")).isFalse();
        assertThat(found("订单号 %s", "131 2345 6789", "CN")).isFalse();
    }
}
