package dev.parley.bench.policy;

import com.ibm.icu.text.Normalizer2;
import dev.parley.core.policy.CheckRequest;
import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.PolicyConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The checker's cost in CPU time of the measuring thread (not wall time), so that the figures hold on a machine shared
 * with other work: messages per CPU-second over the dev corpus (the messages whose language the rule decides without
 * Lingua, and the whole corpus with every Lingua call), the share of messages that reach Lingua, per-message p50/p99,
 * the NFKC-casefold floor over the same messages and the ratio, and the size sweep in CPU nanoseconds per character.
 *
 * <p>The JIT is warmed up for {@code -Dwarmup=SECONDS} (default 20) of CPU time before anything is measured (pinned to
 * one core, the compiler threads share it, so a short warm-up measures interpreted code); each figure is then the
 * median of {@code -Drounds=N} (default 9) timed passes over the corpus, each pass timed as a whole (per-message timing
 * is only used for the percentiles, and includes about 0.2 us of timer cost).
 *
 * <p>Run: {@code taskset -c 1 java -cp parley-bench/target/parley-bench.jar dev.parley.bench.policy.PolicyCpuTime}
 */
public final class PolicyCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCCasefoldInstance();

    private PolicyCpuTime() {}

    /** Measures and prints. */
    public static void main(String[] args) {
        double warmupSeconds = Double.parseDouble(System.getProperty("warmup", "20"));
        int rounds = Integer.getInteger("rounds", 9);
        PolicyChecker checker = PolicyChecker.create(PolicyConfig.defaults());
        List<CheckRequest> all = DevCorpus.requests();
        long linguaStart = PolicyChecker.linguaCalls();
        List<CheckRequest> withoutLingua = DevCorpus.withoutLingua(checker, all);
        long linguaMessages = all.size() - withoutLingua.size();
        long linguaCalls = PolicyChecker.linguaCalls() - linguaStart;

        long warmupEnd = cpu() + (long) (warmupSeconds * 1e9);
        while (cpu() < warmupEnd) {
            for (CheckRequest m : all) {
                checker.check(m);
            }
            floorPass(all);
        }

        double[] noLinguaRate = new double[rounds];
        double[] fullRate = new double[rounds];
        double[] floorRate = new double[rounds];
        int passes = Math.max(1, 4_000 / all.size());
        for (int r = 0; r < rounds; r++) {
            noLinguaRate[r] = rate(checker, withoutLingua, passes);
            fullRate[r] = rate(checker, all, passes);
            long t0 = cpu();
            for (int p = 0; p < passes * 10; p++) {
                floorPass(all);
            }
            floorRate[r] = passes * 10.0 * all.size() / ((cpu() - t0) / 1e9);
        }

        int timedPasses = Math.max(1, 20_000 / all.size());
        long[] perMessage = new long[timedPasses * all.size()];
        int k = 0;
        for (int p = 0; p < timedPasses; p++) {
            for (CheckRequest m : all) {
                long t0 = cpu();
                checker.check(m);
                perMessage[k++] = cpu() - t0;
            }
        }
        Arrays.sort(perMessage);

        double noLingua = median(noLinguaRate);
        double full = median(fullRate);
        double floor = median(floorRate);
        System.out.printf(
                Locale.ROOT,
                "Policy checker, dev corpus (%d messages), CPU time of one thread, median of %d rounds [min-max]:%n",
                all.size(),
                rounds);
        System.out.printf(
                Locale.ROOT,
                "  language decided without Lingua (%d msgs): %,10.0f msg per CPU-second [%,.0f-%,.0f]%n",
                withoutLingua.size(),
                noLingua,
                min(noLinguaRate),
                max(noLinguaRate));
        System.out.printf(
                Locale.ROOT,
                "  whole corpus with every Lingua call      : %,10.0f msg per CPU-second [%,.0f-%,.0f]%n",
                full,
                min(fullRate),
                max(fullRate));
        System.out.printf(
                Locale.ROOT,
                "  messages reaching Lingua                 : %d of %d (%.3f), %d Lingua calls%n",
                linguaMessages,
                all.size(),
                linguaMessages / (double) all.size(),
                linguaCalls);
        System.out.printf(
                Locale.ROOT,
                "  per message (whole corpus)               : p50 %.1f us, p99 %.1f us, max %.1f us%n",
                perMessage[perMessage.length / 2] / 1e3,
                perMessage[perMessage.length * 99 / 100] / 1e3,
                perMessage[perMessage.length - 1] / 1e3);
        System.out.printf(
                Locale.ROOT,
                "  NFKC-casefold floor                      : %,10.0f msg per CPU-second [%,.0f-%,.0f]%n",
                floor,
                min(floorRate),
                max(floorRate));
        System.out.printf(
                Locale.ROOT,
                "  full pipeline / floor                    : %.1f times the floor's cost%n",
                floor / full);
        System.out.println("Size sweep (texts made of corpus messages):");
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            CheckRequest request = CheckRequest.ofText(longText(all, size));
            int reps = Math.max(5, 4_000_000 / size);
            for (int i = 0; i < reps; i++) {
                checker.check(request);
            }
            double[] perChar = new double[5];
            for (int r = 0; r < perChar.length; r++) {
                long t0 = cpu();
                for (int i = 0; i < reps / 5; i++) {
                    checker.check(request);
                }
                perChar[r] = (cpu() - t0) / (double) (reps / 5) / size;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %,7d chars: %8.1f us per text, %6.1f CPU ns per char%n",
                    size,
                    median(perChar) * size / 1e3,
                    median(perChar));
        }
    }

    private static double rate(PolicyChecker checker, List<CheckRequest> messages, int passes) {
        long t0 = cpu();
        for (int p = 0; p < passes; p++) {
            for (CheckRequest m : messages) {
                checker.check(m);
            }
        }
        return passes * (double) messages.size() / ((cpu() - t0) / 1e9);
    }

    private static void floorPass(List<CheckRequest> messages) {
        for (CheckRequest m : messages) {
            NFKC.normalize(m.text());
        }
    }

    /** A text of {@code size} characters made of corpus messages, not ending inside a surrogate pair. */
    static String longText(List<CheckRequest> messages, int size) {
        StringBuilder sb = new StringBuilder(size + 200);
        for (int i = 0; sb.length() < size; i++) {
            sb.append(messages.get(i % messages.size()).text()).append(' ');
        }
        sb.setLength(size);
        if (Character.isHighSurrogate(sb.charAt(size - 1))) {
            sb.setCharAt(size - 1, ' ');
        }
        return sb.toString();
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
