package dev.parley.core.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evaluation instants of one time zone: the start of the local day ({@link LocalDate#atStartOfDay(ZoneId)}) on each
 * evaluation day of every month (evaluation.md, definition 1). A day missing from a month gives no instant in it.
 */
public final class EvaluationCalendar {
    private final ZoneId zone;
    private final int[] days;

    private EvaluationCalendar(ZoneId zone, int[] days) {
        this.zone = zone;
        this.days = days;
    }

    /** The calendar of {@code zone} with evaluations on the given days of the month (1 to 31). */
    public static EvaluationCalendar of(ZoneId zone, Set<Integer> daysOfMonth) {
        Objects.requireNonNull(zone, "zone");
        TreeSet<Integer> sorted = new TreeSet<>(daysOfMonth);
        if (sorted.isEmpty() || sorted.first() < 1 || sorted.last() > 31) {
            throw new IllegalArgumentException("evaluation days must be between 1 and 31: " + daysOfMonth);
        }
        return new EvaluationCalendar(
                zone, sorted.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The calendar of {@code zone} under {@code settings}. */
    public static EvaluationCalendar of(ZoneId zone, EvaluationSettings settings) {
        return of(zone, settings.evaluationDays());
    }

    /** The zone whose local days the instants start. */
    public ZoneId zone() {
        return zone;
    }

    /** The first evaluation instant at or after {@code t}. */
    public Instant atOrAfter(Instant t) {
        LocalDate date = firstDayOnOrAfter(LocalDate.ofInstant(t, zone).minusDays(2));
        while (true) {
            Instant e = startOf(date);
            if (!e.isBefore(t)) {
                return e;
            }
            date = firstDayOnOrAfter(date.plusDays(1));
        }
    }

    /** The first evaluation instant strictly after {@code t}. */
    public Instant after(Instant t) {
        LocalDate date = firstDayOnOrAfter(LocalDate.ofInstant(t, zone).minusDays(2));
        while (true) {
            Instant e = startOf(date);
            if (e.isAfter(t)) {
                return e;
            }
            date = firstDayOnOrAfter(date.plusDays(1));
        }
    }

    /** The last evaluation instant strictly before {@code t}. */
    public Instant before(Instant t) {
        LocalDate date = lastDayOnOrBefore(LocalDate.ofInstant(t, zone).plusDays(2));
        while (true) {
            Instant e = startOf(date);
            if (e.isBefore(t)) {
                return e;
            }
            date = lastDayOnOrBefore(date.minusDays(1));
        }
    }

    /** The last evaluation instant at or before {@code t}. */
    public Instant atOrBefore(Instant t) {
        LocalDate date = lastDayOnOrBefore(LocalDate.ofInstant(t, zone).plusDays(2));
        while (true) {
            Instant e = startOf(date);
            if (!e.isAfter(t)) {
                return e;
            }
            date = lastDayOnOrBefore(date.minusDays(1));
        }
    }

    /** Whether {@code t} is an evaluation instant. */
    public boolean isEvaluationInstant(Instant t) {
        return atOrAfter(t).equals(t);
    }

    /** The evaluation instants in {@code [from, to]}, ascending. */
    public List<Instant> between(Instant from, Instant to) {
        List<Instant> instants = new ArrayList<>();
        if (from.isAfter(to)) {
            return instants;
        }
        Instant e = atOrAfter(from);
        while (!e.isAfter(to)) {
            instants.add(e);
            e = after(e);
        }
        return instants;
    }

    /** The instant at which the local day {@code date} starts. */
    Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The first evaluation day on or after {@code date}. */
    LocalDate firstDayOnOrAfter(LocalDate date) {
        LocalDate month = date;
        int from = date.getDayOfMonth();
        while (true) {
            int length = month.lengthOfMonth();
            for (int day : days) {
                if (day >= from && day <= length) {
                    return month.withDayOfMonth(day);
                }
            }
            month = month.withDayOfMonth(1).plusMonths(1);
            from = 1;
        }
    }

    /** The last evaluation day on or before {@code date}. */
    LocalDate lastDayOnOrBefore(LocalDate date) {
        LocalDate month = date;
        int to = date.getDayOfMonth();
        while (true) {
            int length = month.lengthOfMonth();
            for (int i = days.length - 1; i >= 0; i--) {
                int day = days[i];
                if (day <= to && day <= length) {
                    return month.withDayOfMonth(day);
                }
            }
            month = month.withDayOfMonth(1).minusMonths(1);
            to = month.lengthOfMonth();
        }
    }
}
