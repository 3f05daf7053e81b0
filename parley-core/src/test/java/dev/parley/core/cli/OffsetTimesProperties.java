package dev.parley.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class OffsetTimesProperties {

    @Property(tries = 3000)
    void fastPathReadsExactlyWhatTheIsoFormatterReads(@ForAll("timeLike") String text) {
        Instant expected;
        try {
            expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .parse(text, OffsetDateTime::from)
                    .toInstant();
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> OffsetTimes.parse(text)).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(OffsetTimes.parse(text)).as(text).isEqualTo(expected);
    }

    @Example
    void usualShapesTakeTheFastPath() {
        assertThat(OffsetTimes.parseUsualShape("2026-11-03T09:15:02.120Z"))
                .isEqualTo(Instant.parse("2026-11-03T09:15:02.120Z"));
        assertThat(OffsetTimes.parseUsualShape("2026-11-03T16:15:02+07:00"))
                .isEqualTo(Instant.parse("2026-11-03T09:15:02Z"));
        assertThat(OffsetTimes.parseUsualShape("2028-02-29T00:00:00.000000001-03:30"))
                .isEqualTo(Instant.parse("2028-02-29T03:30:00.000000001Z"));
        assertThat(OffsetTimes.parseUsualShape("2026-02-29T00:00:00Z")).isNull();
        assertThat(OffsetTimes.parseUsualShape("2026-11-03T09:15:02")).isNull();
    }

    @Provide
    Arbitrary<String> timeLike() {
        Arbitrary<String> year = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(0, 9999).map(y -> "%04d".formatted(y))),
                Tuple.of(1, Arbitraries.of("+10000", "-0001", "202", "20266")));
        Arbitrary<String> second = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 59).map(v -> "%02d".formatted(v)), Arbitraries.of("60", "61"));
        Arbitrary<String> fraction = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11).map(d -> "." + d));
        Arbitrary<String> offset = Arbitraries.frequencyOf(
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "Z",
                                "z",
                                "",
                                "+00:00",
                                "-00:00",
                                "+18:00",
                                "-18:00",
                                "+18:01",
                                "+19:00",
                                "+0700",
                                "+07",
                                "+07:00:00",
                                "+07:5",
                                "UTC",
                                "[Asia/Bangkok]")),
                Tuple.of(
                        3,
                        Combinators.combine(Arbitraries.of("+", "-"), field(0, 19), field(0, 59))
                                .as((sign, h, m) -> sign + h + ":" + m)));
        Arbitrary<String> separator = Arbitraries.of("T", "T", "T", "t", " ");
        return Combinators.combine(
                        year, field(1, 12), field(1, 31), separator, field(0, 23), field(0, 59), second, fraction)
                .as((y, mo, d, t, h, mi, sec, f) -> y + "-" + mo + "-" + d + t + h + ":" + mi + ":" + sec + f)
                .flatMap(base -> offset.map(o -> base + o));
    }

    /** Mostly a valid two-digit value of {@code [min, max]}, sometimes one out of range or malformed. */
    private static Arbitrary<String> field(int min, int max) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(min, max).map(v -> "%02d".formatted(v))),
                Tuple.of(1, Arbitraries.integers().between(0, 99).map(v -> "%02d".formatted(v))),
                Tuple.of(1, Arbitraries.of("1", "123", "x1", "-1", "")));
    }
}
