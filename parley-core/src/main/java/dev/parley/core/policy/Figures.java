package dev.parley.core.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The figures of a normalised text with what they measure: amounts of money with their currency ("Rp 150.000", "150k",
 * "1,290元", "฿590", "899.000đ", "$19.99", "39,95 €"), percentages, Chinese discount rates ("八折"), durations ("3
 * months", "两年", "48 horas", "setahun") and bare numbers, located by original offsets.
 *
 * <p>Separators are read as local formats write them: a dot or comma followed by exactly three digits groups
 * thousands, followed by one or two digits it is a decimal point. Codes that glue digits to letters ("KX-T7730",
 * "1Z999AA1") are not figures.
 */
final class Figures {

    /** What a figure measures. */
    enum Kind {
        MONEY,
        NUMBER,
        PERCENT,
        PERCENT_OFF,
        DURATION
    }

    /** The unit of a duration. */
    enum Unit {
        HOUR(1.0 / 24),
        DAY(1),
        WEEK(7),
        MONTH(30.4),
        YEAR(365);

        private final double days;

        Unit(double days) {
            this.days = days;
        }
    }

    /**
     * A figure: its kind and value (the larger end of a range), the currencies an amount may be in (empty when none is
     * written), the unit of a duration, and its original span.
     */
    record Figure(
            Kind kind,
            BigDecimal value,
            Set<String> currencies,
            @Nullable Unit unit,
            int start,
            int end) {

        /** This duration in days. */
        double days() {
            return value.doubleValue() * (unit == null ? 1 : unit.days);
        }

        /** This duration in months. */
        double months() {
            return days() / Unit.MONTH.days;
        }
    }

    private static final Map<String, Set<String>> PREFIX_CURRENCIES = Map.ofEntries(
            Map.entry("us$", Set.of("USD")),
            Map.entry("s$", Set.of("SGD")),
            Map.entry("nt$", Set.of("TWD")),
            Map.entry("hk$", Set.of("HKD")),
            Map.entry("$", Set.of("USD", "SGD", "MXN", "TWD", "HKD")),
            Map.entry("rm", Set.of("MYR")),
            Map.entry("rp", Set.of("IDR")),
            Map.entry("₱", Set.of("PHP")),
            Map.entry("€", Set.of("EUR")),
            Map.entry("£", Set.of("GBP")),
            Map.entry("¥", Set.of("CNY")),
            Map.entry("￥", Set.of("CNY")),
            Map.entry("฿", Set.of("THB")),
            Map.entry("₫", Set.of("VND")),
            Map.entry("usd", Set.of("USD")),
            Map.entry("sgd", Set.of("SGD")),
            Map.entry("myr", Set.of("MYR")),
            Map.entry("idr", Set.of("IDR")),
            Map.entry("thb", Set.of("THB")),
            Map.entry("vnd", Set.of("VND")),
            Map.entry("cny", Set.of("CNY")),
            Map.entry("rmb", Set.of("CNY")),
            Map.entry("twd", Set.of("TWD")),
            Map.entry("ntd", Set.of("TWD")),
            Map.entry("hkd", Set.of("HKD")),
            Map.entry("eur", Set.of("EUR")),
            Map.entry("gbp", Set.of("GBP")),
            Map.entry("mxn", Set.of("MXN")),
            Map.entry("php", Set.of("PHP")));

    private static final Map<String, Set<String>> SUFFIX_CURRENCIES = Map.ofEntries(
            Map.entry("元", Set.of("CNY", "TWD", "HKD")),
            Map.entry("块", Set.of("CNY", "TWD", "HKD")),
            Map.entry("塊", Set.of("CNY", "TWD", "HKD")),
            Map.entry("蚊", Set.of("HKD")),
            Map.entry("บาท", Set.of("THB")),
            Map.entry("đ", Set.of("VND")),
            Map.entry("₫", Set.of("VND")),
            Map.entry("vnđ", Set.of("VND")),
            Map.entry("vnd", Set.of("VND")),
            Map.entry("đồng", Set.of("VND")),
            Map.entry("€", Set.of("EUR")),
            Map.entry("euros", Set.of("EUR")),
            Map.entry("euro", Set.of("EUR")),
            Map.entry("eur", Set.of("EUR")),
            Map.entry("usd", Set.of("USD")),
            Map.entry("dollars", Set.of("USD", "SGD", "TWD", "HKD")),
            Map.entry("dollar", Set.of("USD", "SGD", "TWD", "HKD")),
            Map.entry("bucks", Set.of("USD", "SGD")),
            Map.entry("sgd", Set.of("SGD")),
            Map.entry("myr", Set.of("MYR")),
            Map.entry("ringgit", Set.of("MYR")),
            Map.entry("idr", Set.of("IDR")),
            Map.entry("rupiah", Set.of("IDR")),
            Map.entry("thb", Set.of("THB")),
            Map.entry("baht", Set.of("THB")),
            Map.entry("cny", Set.of("CNY")),
            Map.entry("rmb", Set.of("CNY")),
            Map.entry("yuan", Set.of("CNY")),
            Map.entry("twd", Set.of("TWD")),
            Map.entry("ntd", Set.of("TWD")),
            Map.entry("hkd", Set.of("HKD")),
            Map.entry("gbp", Set.of("GBP")),
            Map.entry("pounds", Set.of("GBP")),
            Map.entry("mxn", Set.of("MXN")),
            Map.entry("pesos", Set.of("MXN", "PHP")),
            Map.entry("peso", Set.of("MXN", "PHP")),
            Map.entry("php", Set.of("PHP")),
            Map.entry("piso", Set.of("PHP")));

    /** Multipliers written after a number; those tied to one currency name it. */
    private record Multiplier(BigDecimal factor, Set<String> currencies) {}

    private static final Map<String, Multiplier> MULTIPLIERS = Map.ofEntries(
            Map.entry("k", new Multiplier(BigDecimal.valueOf(1_000), Set.of())),
            Map.entry("rb", new Multiplier(BigDecimal.valueOf(1_000), Set.of("IDR"))),
            Map.entry("ribu", new Multiplier(BigDecimal.valueOf(1_000), Set.of("IDR"))),
            Map.entry("jt", new Multiplier(BigDecimal.valueOf(1_000_000), Set.of("IDR"))),
            Map.entry("juta", new Multiplier(BigDecimal.valueOf(1_000_000), Set.of("IDR"))),
            Map.entry("tr", new Multiplier(BigDecimal.valueOf(1_000_000), Set.of("VND"))),
            Map.entry("triệu", new Multiplier(BigDecimal.valueOf(1_000_000), Set.of("VND"))),
            Map.entry("nghìn", new Multiplier(BigDecimal.valueOf(1_000), Set.of("VND"))),
            Map.entry("ngàn", new Multiplier(BigDecimal.valueOf(1_000), Set.of("VND"))),
            Map.entry("万", new Multiplier(BigDecimal.valueOf(10_000), Set.of())),
            Map.entry("萬", new Multiplier(BigDecimal.valueOf(10_000), Set.of())),
            Map.entry("千", new Multiplier(BigDecimal.valueOf(1_000), Set.of())),
            Map.entry("mil", new Multiplier(BigDecimal.valueOf(1_000), Set.of())));

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("hour", Unit.HOUR),
            Map.entry("hours", Unit.HOUR),
            Map.entry("hr", Unit.HOUR),
            Map.entry("hrs", Unit.HOUR),
            Map.entry("h", Unit.HOUR),
            Map.entry("jam", Unit.HOUR),
            Map.entry("giờ", Unit.HOUR),
            Map.entry("tiếng", Unit.HOUR),
            Map.entry("ชั่วโมง", Unit.HOUR),
            Map.entry("ชม", Unit.HOUR),
            Map.entry("小时", Unit.HOUR),
            Map.entry("小時", Unit.HOUR),
            Map.entry("个小时", Unit.HOUR),
            Map.entry("個小時", Unit.HOUR),
            Map.entry("hora", Unit.HOUR),
            Map.entry("horas", Unit.HOUR),
            Map.entry("oras", Unit.HOUR),
            Map.entry("day", Unit.DAY),
            Map.entry("days", Unit.DAY),
            Map.entry("hari", Unit.DAY),
            Map.entry("ngày", Unit.DAY),
            Map.entry("วัน", Unit.DAY),
            Map.entry("天", Unit.DAY),
            Map.entry("日", Unit.DAY),
            Map.entry("día", Unit.DAY),
            Map.entry("días", Unit.DAY),
            Map.entry("dia", Unit.DAY),
            Map.entry("dias", Unit.DAY),
            Map.entry("araw", Unit.DAY),
            Map.entry("week", Unit.WEEK),
            Map.entry("weeks", Unit.WEEK),
            Map.entry("wk", Unit.WEEK),
            Map.entry("wks", Unit.WEEK),
            Map.entry("minggu", Unit.WEEK),
            Map.entry("tuần", Unit.WEEK),
            Map.entry("สัปดาห์", Unit.WEEK),
            Map.entry("อาทิตย์", Unit.WEEK),
            Map.entry("周", Unit.WEEK),
            Map.entry("週", Unit.WEEK),
            Map.entry("星期", Unit.WEEK),
            Map.entry("个星期", Unit.WEEK),
            Map.entry("個星期", Unit.WEEK),
            Map.entry("semana", Unit.WEEK),
            Map.entry("semanas", Unit.WEEK),
            Map.entry("linggo", Unit.WEEK),
            Map.entry("month", Unit.MONTH),
            Map.entry("months", Unit.MONTH),
            Map.entry("mo", Unit.MONTH),
            Map.entry("mos", Unit.MONTH),
            Map.entry("mth", Unit.MONTH),
            Map.entry("mths", Unit.MONTH),
            Map.entry("bulan", Unit.MONTH),
            Map.entry("bln", Unit.MONTH),
            Map.entry("tháng", Unit.MONTH),
            Map.entry("เดือน", Unit.MONTH),
            Map.entry("个月", Unit.MONTH),
            Map.entry("個月", Unit.MONTH),
            Map.entry("mes", Unit.MONTH),
            Map.entry("meses", Unit.MONTH),
            Map.entry("buwan", Unit.MONTH),
            Map.entry("year", Unit.YEAR),
            Map.entry("years", Unit.YEAR),
            Map.entry("yr", Unit.YEAR),
            Map.entry("yrs", Unit.YEAR),
            Map.entry("tahun", Unit.YEAR),
            Map.entry("thn", Unit.YEAR),
            Map.entry("năm", Unit.YEAR),
            Map.entry("ปี", Unit.YEAR),
            Map.entry("年", Unit.YEAR),
            Map.entry("año", Unit.YEAR),
            Map.entry("años", Unit.YEAR),
            Map.entry("ano", Unit.YEAR),
            Map.entry("anos", Unit.YEAR),
            Map.entry("taon", Unit.YEAR));

    private static final Set<String> PERCENT_WORDS =
            Set.of("%", "percent", "per cent", "persen", "phần trăm", "เปอร์เซ็นต์", "por ciento", "porsyento", "pct");

    private static final Set<String> RANGE_WORDS =
            Set.of("-", "–", "~", "to", "a", "đến", "sampai", "hingga", "ถึง", "至", "到", "hasta");

    /** Number words of the marketplace languages, valid only before a unit or currency. */
    private static final Map<String, Double> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1.0),
            Map.entry("an", 1.0),
            Map.entry("one", 1.0),
            Map.entry("two", 2.0),
            Map.entry("three", 3.0),
            Map.entry("four", 4.0),
            Map.entry("five", 5.0),
            Map.entry("six", 6.0),
            Map.entry("seven", 7.0),
            Map.entry("eight", 8.0),
            Map.entry("nine", 9.0),
            Map.entry("ten", 10.0),
            Map.entry("eleven", 11.0),
            Map.entry("twelve", 12.0),
            Map.entry("fifteen", 15.0),
            Map.entry("eighteen", 18.0),
            Map.entry("twenty", 20.0),
            Map.entry("thirty", 30.0),
            Map.entry("half", 0.5),
            Map.entry("un", 1.0),
            Map.entry("uno", 1.0),
            Map.entry("una", 1.0),
            Map.entry("dos", 2.0),
            Map.entry("tres", 3.0),
            Map.entry("cuatro", 4.0),
            Map.entry("cinco", 5.0),
            Map.entry("seis", 6.0),
            Map.entry("siete", 7.0),
            Map.entry("ocho", 8.0),
            Map.entry("nueve", 9.0),
            Map.entry("diez", 10.0),
            Map.entry("once", 11.0),
            Map.entry("doce", 12.0),
            Map.entry("quince", 15.0),
            Map.entry("veinte", 20.0),
            Map.entry("treinta", 30.0),
            Map.entry("medio", 0.5),
            Map.entry("satu", 1.0),
            Map.entry("dua", 2.0),
            Map.entry("tiga", 3.0),
            Map.entry("empat", 4.0),
            Map.entry("lima", 5.0),
            Map.entry("enam", 6.0),
            Map.entry("tujuh", 7.0),
            Map.entry("delapan", 8.0),
            Map.entry("lapan", 8.0),
            Map.entry("sembilan", 9.0),
            Map.entry("sepuluh", 10.0),
            Map.entry("sebelas", 11.0),
            Map.entry("một", 1.0),
            Map.entry("hai", 2.0),
            Map.entry("ba", 3.0),
            Map.entry("bốn", 4.0),
            Map.entry("tư", 4.0),
            Map.entry("sáu", 6.0),
            Map.entry("bảy", 7.0),
            Map.entry("tám", 8.0),
            Map.entry("chín", 9.0),
            Map.entry("mười", 10.0),
            Map.entry("nửa", 0.5),
            Map.entry("isa", 1.0),
            Map.entry("isang", 1.0),
            Map.entry("dalawa", 2.0),
            Map.entry("dalawang", 2.0),
            Map.entry("tatlo", 3.0),
            Map.entry("tatlong", 3.0),
            Map.entry("apat", 4.0),
            Map.entry("limang", 5.0),
            Map.entry("anim", 6.0),
            Map.entry("pito", 7.0),
            Map.entry("walo", 8.0),
            Map.entry("siyam", 9.0),
            Map.entry("sampu", 10.0),
            Map.entry("sampung", 10.0));

    /** One-word durations of one unit ("setahun", "sebulan"). */
    private static final Map<String, Unit> ONE_UNIT_WORDS = Map.of(
            "setahun", Unit.YEAR,
            "sebulan", Unit.MONTH,
            "seminggu", Unit.WEEK,
            "sehari", Unit.DAY,
            "sejam", Unit.HOUR);

    private static final Map<String, Double> THAI_NUMBERS = Map.ofEntries(
            Map.entry("หนึ่ง", 1.0),
            Map.entry("สอง", 2.0),
            Map.entry("สาม", 3.0),
            Map.entry("สี่", 4.0),
            Map.entry("ห้า", 5.0),
            Map.entry("หก", 6.0),
            Map.entry("เจ็ด", 7.0),
            Map.entry("แปด", 8.0),
            Map.entry("เก้า", 9.0),
            Map.entry("สิบสอง", 12.0),
            Map.entry("สิบ", 10.0),
            Map.entry("ครึ่ง", 0.5));

    /** The longest number word or one-unit duration word. */
    private static final int LONGEST_WORD = java.util.stream.Stream.concat(
                    NUMBER_WORDS.keySet().stream(), ONE_UNIT_WORDS.keySet().stream())
            .mapToInt(String::length)
            .max()
            .orElse(0);

    private static final String HAN_DIGITS = "零〇一二两兩三四五六七八九";
    private static final String HAN_NUMERALS = HAN_DIGITS + "十百千半";

    /** Figures longer than this (in original characters) are not kept, so that look-ups can bound their search. */
    static final int MAX_LENGTH = 64;

    private static final Keys UNIT_KEYS = new Keys(UNITS.keySet());
    private static final Keys MULTIPLIER_KEYS = new Keys(MULTIPLIERS.keySet());
    private static final Keys SUFFIX_KEYS = new Keys(SUFFIX_CURRENCIES.keySet());
    private static final Keys PREFIX_KEYS = new Keys(PREFIX_CURRENCIES.keySet());
    private static final Keys PERCENT_KEYS = new Keys(PERCENT_WORDS);
    private static final Keys RANGE_KEYS = new Keys(RANGE_WORDS);
    private static final Keys THAI_KEYS = new Keys(THAI_NUMBERS.keySet());

    private final String v;
    private final NormalizedText text;
    private final List<Figure> out = new ArrayList<>();

    private Figures(NormalizedText text) {
        this.text = text;
        this.v = text.value();
    }

    /** The figures of {@code text}, in order. */
    static List<Figure> of(NormalizedText text) {
        Figures f = new Figures(text);
        f.scan();
        return f.out;
    }

    /** A parsed number before its unit: value, span in the normalised text, and whether it is a word. */
    private record Num(double value, int start, int end, boolean word) {}

    private void scan() {
        int n = v.length();
        int i = 0;
        while (i < n) {
            char c = v.charAt(i);
            Num num = null;
            int flags = CharTable.flags(c);
            if ((flags & CharTable.DIGIT) != 0) {
                num = digits(i);
                if (num == null) {
                    i = skipCode(i);
                    continue;
                }
            } else if (c >= '〇' && HAN_NUMERALS.indexOf(c) >= 0) {
                num = han(i);
            } else if ((flags & CharTable.THAI_SCRIPT) != 0) {
                num = thai(i);
            } else if (isLatinLetter(c)) {
                int end = wordEnd(i);
                if (i > 0 && CharTable.isLetterOrDigit(v.charAt(i - 1))) {
                    i = end;
                    continue;
                }
                if (end - i > LONGEST_WORD) {
                    // no number word or one-unit word is this long
                    i = end;
                    continue;
                }
                String word = v.substring(i, end);
                Unit one = ONE_UNIT_WORDS.get(word);
                if (one != null) {
                    emit(Kind.DURATION, 1, Set.of(), one, i, end);
                    i = end;
                    continue;
                }
                Double value = NUMBER_WORDS.get(word);
                if (value == null) {
                    i = end;
                    continue;
                }
                num = new Num(value, i, end, true);
            }
            if (num == null) {
                i++;
                continue;
            }
            i = Math.max(i + 1, figureAfter(num));
        }
    }

    /** Reads what follows a number (range, multiplier, unit, currency) and records the figure; returns its end. */
    private int figureAfter(Num num) {
        double value = num.value();
        int end = num.end();
        // a range "2-3 days", "3 to 5": keep the larger end
        int r = skipSpace(end);
        for (String word : RANGE_KEYS.startingAt(v, r)) {
            if (!isLetter(word.charAt(0)) || boundaryAt(r + word.length())) {
                int s = skipSpace(r + word.length());
                Num second = s < v.length() && Character.isDigit(v.charAt(s)) ? digits(s) : null;
                if (second != null && !num.word()) {
                    value = Math.max(value, second.value());
                    end = second.end();
                }
                break;
            }
        }
        int at = skipSpaceOrHyphen(end);
        Set<String> currencies = Set.of();
        String multiplier = longestKey(MULTIPLIER_KEYS, at, true);
        if (multiplier != null && !num.word()) {
            Multiplier m = MULTIPLIERS.get(multiplier);
            value *= m.factor().doubleValue();
            currencies = m.currencies();
            end = at + multiplier.length();
            at = skipSpace(end);
        }
        String unit = longestKey(UNIT_KEYS, at, true);
        if (unit != null && multiplier == null && plausibleDuration(value, unit)) {
            int unitEnd = at + unit.length();
            if (unitEnd < v.length() && v.charAt(unitEnd) == '半') {
                value += 0.5;
                unitEnd++;
            }
            emit(Kind.DURATION, value, Set.of(), UNITS.get(unit), num.start(), unitEnd);
            return unitEnd;
        }
        String percent = longestKey(PERCENT_KEYS, at, true);
        if (percent != null) {
            emit(Kind.PERCENT, value, Set.of(), null, num.start(), at + percent.length());
            return at + percent.length();
        }
        if (at < v.length() && v.charAt(at) == '折' && value > 0 && value < 100 && !foldNext(at + 1)) {
            double off = value < 10 ? (10 - value) * 10 : 100 - value;
            emit(Kind.PERCENT_OFF, off, Set.of(), null, num.start(), at + 1);
            return at + 1;
        }
        String suffix = longestKey(SUFFIX_KEYS, skipSpace(end), true);
        if (suffix != null) {
            int s = skipSpace(end);
            emit(Kind.MONEY, value, SUFFIX_CURRENCIES.get(suffix), null, prefixStart(num.start()), s + suffix.length());
            return s + suffix.length();
        }
        Set<String> prefix = prefixCurrency(num.start());
        if (prefix != null) {
            emit(Kind.MONEY, value, prefix, null, prefixStart(num.start()), end);
            return end;
        }
        if (!currencies.isEmpty()) {
            emit(Kind.MONEY, value, currencies, null, num.start(), end);
            return end;
        }
        if (!num.word() && (end >= v.length() || !Character.isLetter(v.charAt(end)) || multiplier != null)) {
            emit(Kind.NUMBER, value, Set.of(), null, num.start(), end);
        }
        return end;
    }

    private boolean plausibleDuration(double value, String unit) {
        return value > 0 && value <= 100 && !(unit.equals("h") && value > 72);
    }

    private boolean foldNext(int i) {
        return i < v.length() && "叠疊伞傘合页頁".indexOf(v.charAt(i)) >= 0;
    }

    private void emit(Kind kind, double value, Set<String> currencies, @Nullable Unit unit, int start, int end) {
        if (start >= end || end > v.length()) {
            return;
        }
        int from = text.originalStart(start);
        int to = text.originalEnd(end);
        if (to - from <= MAX_LENGTH) {
            out.add(new Figure(kind, BigDecimal.valueOf(value).stripTrailingZeros(), currencies, unit, from, to));
        }
    }

    /** A number written with digits and local separators, or null when the digits belong to a code. */
    private @Nullable Num digits(int start) {
        if (start > 0 && glued(v.charAt(start - 1)) && prefixCurrency(start) == null) {
            return null;
        }
        int i = start;
        List<String> groups = new ArrayList<>();
        List<Character> seps = new ArrayList<>();
        int groupStart = i;
        while (true) {
            while (i < v.length() && Character.isDigit(v.charAt(i))) {
                i++;
            }
            groups.add(digitString(groupStart, i));
            if (i + 1 < v.length()
                    && (v.charAt(i) == '.' || v.charAt(i) == ',')
                    && Character.isDigit(v.charAt(i + 1))) {
                seps.add(v.charAt(i));
                i++;
                groupStart = i;
                continue;
            }
            break;
        }
        if (i < v.length() && glued(v.charAt(i)) && !unitOrMultiplierAt(i)) {
            return null;
        }
        Double value = valueOf(groups, seps);
        return value == null ? null : new Num(value, start, i, false);
    }

    private boolean unitOrMultiplierAt(int i) {
        return longestKey(MULTIPLIER_KEYS, i, true) != null
                || longestKey(UNIT_KEYS, i, true) != null
                || longestKey(SUFFIX_KEYS, i, true) != null
                || longestKey(PERCENT_KEYS, i, true) != null;
    }

    private static @Nullable Double valueOf(List<String> groups, List<Character> seps) {
        if (seps.isEmpty()) {
            return parse(groups.getFirst());
        }
        char last = seps.getLast();
        boolean mixed = seps.stream().anyMatch(s -> s != last);
        String tail = groups.getLast();
        StringBuilder whole = new StringBuilder(groups.getFirst());
        if (mixed) {
            for (int k = 1; k < groups.size() - 1; k++) {
                if (groups.get(k).length() != 3) {
                    return null;
                }
                whole.append(groups.get(k));
            }
            Double w = parse(whole.toString());
            Double f = parse("0." + tail);
            return w == null || f == null ? null : w + f;
        }
        if (seps.size() == 1) {
            if (tail.length() == 3 && groups.getFirst().length() <= 3) {
                return parse(groups.getFirst() + tail);
            }
            Double w = parse(groups.getFirst());
            Double f = parse("0." + tail);
            return w == null || f == null ? null : w + f;
        }
        for (int k = 1; k < groups.size(); k++) {
            if (groups.get(k).length() != 3) {
                return null;
            }
            whole.append(groups.get(k));
        }
        return parse(whole.toString());
    }

    private static @Nullable Double parse(String digits) {
        if (digits.isEmpty() || digits.length() > 15) {
            return null;
        }
        return Double.parseDouble(digits);
    }

    private String digitString(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            sb.append((char) ('0' + Character.digit(v.charAt(k), 10)));
        }
        return sb.toString();
    }

    /** A number in Chinese numerals ("两", "十二", "二十四", "半"), or null. */
    private @Nullable Num han(int start) {
        int i = start;
        while (i < v.length() && HAN_NUMERALS.indexOf(v.charAt(i)) >= 0) {
            i++;
        }
        String s = v.substring(start, i);
        if (s.equals("半")) {
            return new Num(0.5, start, i, true);
        }
        if (s.endsWith("半") && s.length() > 1) {
            Double whole = hanValue(s.substring(0, s.length() - 1));
            return whole == null ? null : new Num(whole + 0.5, start, i, true);
        }
        Double value = hanValue(s);
        return value == null ? null : new Num(value, start, i, true);
    }

    private static @Nullable Double hanValue(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean positional = s.chars().noneMatch(c -> "十百千".indexOf(c) >= 0);
        if (positional) {
            double value = 0;
            for (char c : s.toCharArray()) {
                int d = hanDigit(c);
                if (d < 0) {
                    return null;
                }
                value = value * 10 + d;
            }
            return value;
        }
        double total = 0;
        int digit = 0;
        for (char c : s.toCharArray()) {
            int d = hanDigit(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            int scale = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> 0;
            };
            if (scale == 0) {
                return null;
            }
            total += (digit == 0 ? 1 : digit) * scale;
            digit = 0;
        }
        return total + digit;
    }

    private static int hanDigit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两', '兩' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** A Thai number word at {@code start}, or null. */
    private @Nullable Num thai(int start) {
        List<String> words = THAI_KEYS.startingAt(v, start);
        String best = words.isEmpty() ? null : words.getFirst();
        return best == null ? null : new Num(THAI_NUMBERS.get(best), start, start + best.length(), true);
    }

    /** The currencies written just before {@code numberStart} ("$", "Rp ", "RM"), or null. */
    private @Nullable Set<String> prefixCurrency(int numberStart) {
        int at = prefixStart(numberStart);
        return at == numberStart ? null : PREFIX_CURRENCIES.get(v.substring(at, skipBackSpace(numberStart)));
    }

    /** Where a currency written before {@code numberStart} begins, or {@code numberStart} when there is none. */
    private int prefixStart(int numberStart) {
        int end = skipBackSpace(numberStart);
        for (String key : PREFIX_KEYS.endingAt(v, end)) {
            int from = end - key.length();
            if (!isLetter(key.charAt(0)) || from == 0 || !Character.isLetter(v.charAt(from - 1))) {
                return from;
            }
        }
        return numberStart;
    }

    private int skipBackSpace(int i) {
        return i > 0 && v.charAt(i - 1) == ' ' ? i - 1 : i;
    }

    private int skipSpace(int i) {
        return i < v.length() && v.charAt(i) == ' ' ? i + 1 : i;
    }

    private int skipSpaceOrHyphen(int i) {
        return i < v.length() && (v.charAt(i) == ' ' || v.charAt(i) == '-') ? i + 1 : i;
    }

    /** The longest key of {@code keys} at {@code at}, ending on a word boundary when it ends with a Latin letter. */
    private @Nullable String longestKey(Keys keys, int at, boolean boundary) {
        for (String key : keys.startingAt(v, at)) {
            if (!boundary || !isLatin(key.charAt(key.length() - 1)) || boundaryAt(at + key.length())) {
                return key;
            }
        }
        return null;
    }

    private boolean boundaryAt(int i) {
        return i >= v.length() || !Character.isLetterOrDigit(v.charAt(i));
    }

    private int wordEnd(int i) {
        int end = i;
        while (end < v.length() && isLatinLetter(v.charAt(end))) {
            end++;
        }
        return end;
    }

    private int skipCode(int i) {
        int end = i;
        while (end < v.length() && (Character.isLetterOrDigit(v.charAt(end)) || v.charAt(end) == '.')) {
            end++;
        }
        return Math.max(end, i + 1);
    }

    /** A Latin letter or digit glued to a number makes it part of a code. */
    private static boolean glued(char c) {
        return isLatinLetter(c) || c == '_';
    }

    /** A letter of the Latin script: {@code Character.isLetter(c) && isLatin(c)}. */
    private static boolean isLatinLetter(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return (CharTable.flags(c) & CharTable.LATIN_LETTER) != 0;
    }

    private static boolean isLatin(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    private static boolean isLetter(char c) {
        return Character.isLetter(c);
    }

    /** A set of words indexed by first and last character, for longest-match look-ups without scanning them all. */
    private static final class Keys {
        private final Map<Character, List<String>> byFirst = new HashMap<>();
        private final Map<Character, List<String>> byLast = new HashMap<>();

        Keys(Set<String> words) {
            for (String w : words) {
                byFirst.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
                byLast.computeIfAbsent(w.charAt(w.length() - 1), c -> new ArrayList<>())
                        .add(w);
            }
            byFirst.values().forEach(l -> l.sort((a, b) -> b.length() - a.length()));
            byLast.values().forEach(l -> l.sort((a, b) -> b.length() - a.length()));
        }

        /** The words that occur in {@code v} at {@code at}, longest first. */
        List<String> startingAt(String v, int at) {
            if (at >= v.length()) {
                return List.of();
            }
            List<String> candidates = byFirst.get(v.charAt(at));
            if (candidates == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>(2);
            for (String w : candidates) {
                if (v.startsWith(w, at)) {
                    out.add(w);
                }
            }
            return out;
        }

        /** The words that occur in {@code v} ending at {@code end}, longest first. */
        List<String> endingAt(String v, int end) {
            if (end <= 0) {
                return List.of();
            }
            List<String> candidates = byLast.get(v.charAt(end - 1));
            if (candidates == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>(2);
            for (String w : candidates) {
                if (end - w.length() >= 0 && v.startsWith(w, end - w.length())) {
                    out.add(w);
                }
            }
            return out;
        }
    }
}
