package dev.parley.bench.policy;

import com.ibm.icu.text.Normalizer2;
import dev.parley.core.policy.CheckRequest;
import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.PolicyConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The checker's cost in CPU time of the measuring thread (not wall time), so that the figures hold on a machine shared
 * with other work: messages per CPU-second and per-message percentiles over the dev corpus, the NFKC-casefold floor,
 * and the size sweep in CPU nanoseconds per character.
 *
 * <p>Run: {@code java -cp parley-bench/target/parley-bench.jar dev.parley.bench.policy.PolicyCpuTime}
 */
public final class PolicyCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PolicyCpuTime() {}

    /** Measures and prints. */
    public static void main(String[] args) {
        PolicyChecker checker = PolicyChecker.create(PolicyConfig.defaults());
        List<CheckRequest> messages = DevCorpus.requests();
        Normalizer2 nfkc = Normalizer2.getNFKCCasefoldInstance();
        for (int round = 0; round < 60; round++) {
            for (CheckRequest m : messages) {
                checker.check(m);
                nfkc.normalize(m.text());
            }
        }
        int rounds = 40;
        long[] perMessage = new long[rounds * messages.size()];
        int k = 0;
        long total = 0;
        for (int round = 0; round < rounds; round++) {
            for (CheckRequest m : messages) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                checker.check(m);
                long t = THREADS.getCurrentThreadCpuTime() - t0;
                perMessage[k++] = t;
                total += t;
            }
        }
        long floorStart = THREADS.getCurrentThreadCpuTime();
        int floorOps = 0;
        for (int round = 0; round < rounds * 10; round++) {
            for (CheckRequest m : messages) {
                nfkc.normalize(m.text());
                floorOps++;
            }
        }
        long floor = THREADS.getCurrentThreadCpuTime() - floorStart;
        Arrays.sort(perMessage);
        double msgPerSec = perMessage.length / (total / 1e9);
        double floorPerSec = floorOps / (floor / 1e9);
        System.out.printf(
                "full pipeline : %,10.0f msg per CPU-second, p50 %.1f us, p99 %.1f us (CPU time)%n",
                msgPerSec, perMessage[perMessage.length / 2] / 1e3, perMessage[perMessage.length * 99 / 100] / 1e3);
        System.out.printf(
                "NFKC floor    : %,10.0f msg per CPU-second; full pipeline costs %.0f times the floor%n",
                floorPerSec, floorPerSec / msgPerSec);
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            StringBuilder sb = new StringBuilder(size + 200);
            for (int i = 0; sb.length() < size; i++) {
                sb.append(messages.get(i % messages.size()).text()).append(' ');
            }
            sb.setLength(size);
            CheckRequest request = CheckRequest.ofText(sb.toString());
            int reps = Math.max(3, 2_000_000 / size);
            for (int i = 0; i < reps; i++) {
                checker.check(request);
            }
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                checker.check(request);
            }
            double nsPerChar = (THREADS.getCurrentThreadCpuTime() - t0) / (double) reps / size;
            System.out.printf("size %,7d chars: %7.1f CPU ns per char%n", size, nsPerChar);
        }
    }
}
