package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checker's work grows linearly with the text, counted rather than timed: the characters of every view (base,
 * digits, skeleton, content) plus the lexicon matches plus every span, hit and character the rules' window queries
 * look at, for texts of 10,000 and 100,000 characters dense with what the rules pair up. Ten times the text may cost
 * at most ten times the operations (and a little slack for the ends); a quadratic pairing would cost a hundred times.
 */
class LinearOperationCountTest {
    private static final PolicyConfig CONFIG = PolicyConfig.defaults();
    private static final OffPlatformContactDetector CONTACT = new OffPlatformContactDetector(CONFIG);
    private static final ContentDetector CONTENT = new ContentDetector(CONFIG);

    private static String repeat(String unit, int size) {
        StringBuilder sb = new StringBuilder(size + unit.length());
        while (sb.length() < size) {
            sb.append(unit);
        }
        sb.setLength(size);
        return sb.toString();
    }

    /** The operations of one check of {@code text} with a listing. */
    static long operations(String text) {
        CheckRequest request =
                new CheckRequest(text, true, ContentChecks.listing("en"), List.of(), null, List.of(), null);
        Message message = Message.of(request);
        List<Finding> findings = new ArrayList<>();
        NormalizedText base = message.normalized();
        ContactScan contact = CONTACT.find(base, Regions.of(request), findings);
        ContentScan content = CONTENT.judge(message, findings);
        assertThat(contact).isNotNull();
        assertThat(content).isNotNull();
        return base.length()
                + base.digits().length()
                + base.skeleton().length()
                + ContentText.of(base).value().length()
                + content.hits().size()
                + contact.probes()
                + content.probes()
                + findings.size();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "you stupid ",
                "review 5 stars please refund $3 ",
                "delete your review ",
                "warranty 3 months return 2 days ",
                "no returns no refunds ",
                "price $9.99 now 30% off ",
                "FLASH SALE! follow our shop ",
                "send me the otp ",
                "你是87嗎",
                "保修三个月退货3天",
                "giá 5 sao ",
                "f u c k ",
                "s.t.u.p.i.d ",
                "don't call me on 0812 3456 7890 ",
                "whatsapp me ",
                "wa 0812-3456-7890 ",
                "bank bca 1234567890 ",
                "not whatsapp, call ",
                "加我微信 ",
                "line: shop123 ",
                "ig @shop_123 ",
                "visit shop.example.com ",
                "a b c d e f ",
                "1 2 3 4 5 6 7 "
            })
    void tenTimesTheTextCostsAtMostTenTimesTheOperations(String unit) {
        long small = operations(repeat(unit, 10_000));
        long large = operations(repeat(unit, 100_000));
        assertThat(small).as("operations for 10,000 characters").isGreaterThanOrEqualTo(10_000);
        assertThat(large)
                .as("operations for 100,000 characters of \"%s\" against %d for 10,000", unit, small)
                .isLessThanOrEqualTo(10 * small + 10_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"review 5 stars please refund $3 ", "don't call me on 0812 3456 7890 ", "wa 0812-3456-7890 "})
    void windowQueriesAreCounted(String unit) {
        // the count must see the rules' work, or it would prove nothing
        String text = repeat(unit, 10_000);
        CheckRequest request =
                new CheckRequest(text, true, ContentChecks.listing("en"), List.of(), null, List.of(), null);
        Message message = Message.of(request);
        List<Finding> findings = new ArrayList<>();
        ContactScan contact = CONTACT.find(message.normalized(), Regions.of(request), findings);
        ContentScan content = CONTENT.judge(message, findings);
        assertThat(contact.probes() + content.probes()).isGreaterThan(text.length() / unit.length());
    }
}
