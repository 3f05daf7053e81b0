package dev.parley.core.cli;

import dev.parley.core.evaluation.EvaluationSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The options of {@code parley evaluate}, read from its arguments.
 *
 * @param zone the shops' time zone
 * @param asOf the last instant to report
 * @param settings the evaluation settings the options give
 * @param explain whether to add the per-message lists
 * @param file the input file, or null for standard input
 * @param help whether help was asked for
 */
record EvaluateOptions(
        ZoneId zone,
        Instant asOf,
        EvaluationSettings settings,
        boolean explain,
        @Nullable String file,
        boolean help) {

    static final String USAGE = "usage: parley evaluate --zone ZONE --as-of INSTANT [options] [FILE]";

    static final String HELP = USAGE + """


            Computes each shop's response-rate evaluations (Seller Customer Service Rules, section three)
            from a message log in JSON Lines, one message per line in any order, read from FILE, or from
            standard input when FILE is absent or '-'. Writes one JSON line per shop and evaluation
            instant E <= --as-of, from the first E at or after the shop's earliest message, ordered by
            shop id then instant.

            Input fields: shop, conversation, id, sender (buyer|seller|system|platform), at (an instant
            with its offset), and optionally auto, placeholder, delivered, excluded (true|false).

            options:
              --zone ZONE                   the shops' time zone, an IANA id such as Asia/Bangkok (required)
              --as-of INSTANT               the last instant to report, with its offset,
                                            e.g. 2026-12-01T00:00:00+07:00 (required)
              --window-hours N              the reply window in hours (default 72)
              --min-messages N              the fewest assessed messages for an evaluation (default 20)
              --counted-hours FROM-UNTIL    local hours whose buyer messages count (default 08:00-23:00)
              --evaluation-days D,D,...     days of the month of the evaluation instants (default 1,16)
              --explain                     add the assessed and skipped messages to each line
              --help                        show this help

            exit status: 0 ok, 2 bad input or usage (the problem on standard error, with its line number
            for bad input, and nothing on standard output), 1 internal failure
            """;

    private static final Pattern COUNTED_HOURS =
            Pattern.compile("(\\d{2}:\\d{2}(?::\\d{2})?)-(\\d{2}:\\d{2}(?::\\d{2})?)");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
    private static final long MAX_WINDOW_HOURS = 1_000_000;

    /** Reads the arguments after {@code evaluate}. */
    static EvaluateOptions parse(String[] args) throws UsageError {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new EvaluateOptions(
                        ZoneId.of("UTC"), Instant.EPOCH, EvaluationSettings.defaults(), false, null, true);
            }
        }
        String zone = null;
        String asOf = null;
        String window = null;
        String minimum = null;
        String hours = null;
        String days = null;
        boolean explain = false;
        String file = null;
        boolean fileGiven = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-") || !arg.startsWith("-")) {
                if (fileGiven) {
                    throw new UsageError("only one FILE may be given, not also \"" + arg + "\"");
                }
                fileGiven = true;
                file = arg.equals("-") ? null : arg;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--explain")) {
                if (value != null) {
                    throw new UsageError("--explain takes no value");
                }
                explain = true;
                continue;
            }
            if (!Set.of("--zone", "--as-of", "--window-hours", "--min-messages", "--counted-hours", "--evaluation-days")
                    .contains(name)) {
                throw new UsageError("unknown option \"" + arg + "\"");
            }
            if (!seen.add(name)) {
                throw new UsageError(name + " given twice");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageError(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--zone" -> zone = value;
                case "--as-of" -> asOf = value;
                case "--window-hours" -> window = value;
                case "--min-messages" -> minimum = value;
                case "--counted-hours" -> hours = value;
                default -> days = value;
            }
        }
        if (zone == null) {
            throw new UsageError("--zone is required");
        }
        if (asOf == null) {
            throw new UsageError("--as-of is required");
        }
        EvaluationSettings settings = EvaluationSettings.defaults().withVersion("cli");
        if (window != null) {
            settings = settings.withWindow(Duration.ofHours(wholeNumber("--window-hours", window, MAX_WINDOW_HOURS)));
        }
        if (minimum != null) {
            settings = settings.withMinimumMessages((int) wholeNumber("--min-messages", minimum, Integer.MAX_VALUE));
        }
        if (hours != null) {
            LocalTime[] fromUntil = countedHours(hours);
            settings = settings.withCountedHours(fromUntil[0], fromUntil[1]);
        }
        if (days != null) {
            settings = settings.withEvaluationDays(evaluationDays(days));
        }
        return new EvaluateOptions(parseZone(zone), parseAsOf(asOf), settings, explain, file, false);
    }

    private static ZoneId parseZone(String zone) throws UsageError {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UsageError("unknown zone \"" + zone + "\"");
        }
    }

    private static Instant parseAsOf(String asOf) throws UsageError {
        try {
            Instant instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .parse(asOf, OffsetDateTime::from)
                    .toInstant();
            if (!MessageLogReader.inRange(instant)) {
                throw new UsageError("--as-of must lie in the years 0001 to 9999, not \"" + asOf + "\"");
            }
            return instant;
        } catch (DateTimeException e) {
            throw new UsageError("--as-of must be an instant with its offset, such as 2026-12-01T00:00:00+07:00, not \""
                    + asOf + "\"");
        }
    }

    private static long wholeNumber(String option, String value, long max) throws UsageError {
        if (WHOLE_NUMBER.matcher(value).matches()) {
            long n = Long.parseLong(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        }
        throw new UsageError(option + " must be a whole number from 1 to " + max + ", not \"" + value + "\"");
    }

    private static LocalTime[] countedHours(String value) throws UsageError {
        Matcher m = COUNTED_HOURS.matcher(value);
        if (m.matches()) {
            try {
                LocalTime from = LocalTime.parse(m.group(1));
                LocalTime until = m.group(2).equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2));
                return new LocalTime[] {from, until};
            } catch (DateTimeException e) {
                // reported below
            }
        }
        throw new UsageError(
                "--counted-hours must be FROM-UNTIL in local time, such as 08:00-23:00, not \"" + value + "\"");
    }

    private static Set<Integer> evaluationDays(String value) throws UsageError {
        Set<Integer> days = new TreeSet<>();
        for (String part : value.split(",", -1)) {
            String day = part.strip();
            if (!WHOLE_NUMBER.matcher(day).matches() || Integer.parseInt(day) < 1 || Integer.parseInt(day) > 31) {
                throw new UsageError("--evaluation-days must be days of the month from 1 to 31 separated by commas,"
                        + " such as 1,16, not \"" + value + "\"");
            }
            days.add(Integer.parseInt(day));
        }
        return days;
    }
}
