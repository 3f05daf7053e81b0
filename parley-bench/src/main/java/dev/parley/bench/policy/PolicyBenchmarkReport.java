package dev.parley.bench.policy;

import dev.parley.core.policy.CheckRequest;
import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.PolicyConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PolicyCheckBenchmark} on one thread and prints the figures side by side: messages per second for the
 * messages decided without Lingua, the full pipeline with every Lingua call (and the share of messages reaching it) and the NFKC floor and their ratio, p50/p99 per message, and the size sweep in nanoseconds per
 * character. Command in {@link PolicyCheckBenchmark}.
 */
public final class PolicyBenchmarkReport {
    private PolicyBenchmarkReport() {}

    /** Runs the benchmark and prints the report. */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(PolicyCheckBenchmark.class.getSimpleName())
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> throughput = new HashMap<>();
        Map<String, double[]> percentiles = new HashMap<>();
        StringBuilder sweep = new StringBuilder();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.') + 1);
            String mode = r.getParams().getMode().shortLabel();
            var stats = r.getPrimaryResult().getStatistics();
            if (name.equals("sizeSweep")) {
                int size = Integer.parseInt(r.getParams().getParam("size"));
                sweep.append(String.format(
                        "  %,7d chars: %10.1f us per text, %6.1f ns per char%n",
                        size,
                        r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScore() * 1000 / size));
            } else if (mode.equals("thrpt")) {
                throughput.put(name, r.getPrimaryResult().getScore() * 1_000_000);
            } else if (mode.equals("sample")) {
                percentiles.put(name, new double[] {stats.getPercentile(50), stats.getPercentile(99)});
            }
        }
        PolicyChecker checker = PolicyChecker.create(PolicyConfig.defaults());
        List<CheckRequest> messages = DevCorpus.requests();
        int withoutLingua = DevCorpus.withoutLingua(checker, messages).size();
        double full = throughput.getOrDefault("fullPipeline", 0.0);
        double noLingua = throughput.getOrDefault("withoutLingua", 0.0);
        double floor = throughput.getOrDefault("nfkcFloor", 0.0);
        System.out.println();
        System.out.println("Policy checker, dev corpus, one thread:");
        System.out.printf(
                "  without Lingua: %,12.0f msg/s   p50 %6.1f us   p99 %6.1f us   (%d messages)%n",
                noLingua, p(percentiles, "withoutLingua", 0), p(percentiles, "withoutLingua", 1), withoutLingua);
        System.out.printf(
                "  full pipeline : %,12.0f msg/s   p50 %6.1f us   p99 %6.1f us   (%d messages, with Lingua)%n",
                full, p(percentiles, "fullPipeline", 0), p(percentiles, "fullPipeline", 1), messages.size());
        System.out.printf(
                "  reach Lingua  : %d of %d messages (%.3f)%n",
                messages.size() - withoutLingua,
                messages.size(),
                (messages.size() - withoutLingua) / (double) messages.size());
        System.out.printf(
                "  NFKC floor    : %,12.0f msg/s   p50 %6.1f us   p99 %6.1f us%n",
                floor, p(percentiles, "nfkcFloor", 0), p(percentiles, "nfkcFloor", 1));
        System.out.printf("  full / floor  : %.1f times the floor's time per message%n", full == 0 ? 0 : floor / full);
        System.out.println("Size sweep:");
        System.out.print(sweep);
    }

    private static double p(Map<String, double[]> percentiles, String name, int which) {
        double[] values = percentiles.get(name);
        return values == null ? Double.NaN : values[which];
    }
}
