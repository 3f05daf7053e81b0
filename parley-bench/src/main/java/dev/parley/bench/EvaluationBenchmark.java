package dev.parley.bench;

import dev.parley.core.evaluation.EvaluationSettings;
import dev.parley.core.evaluation.Evaluator;
import dev.parley.core.evaluation.ShopMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The core evaluating 10 million messages of 10,000 shops (1,000 each, over six months: thirteen evaluation instants
 * per shop), shop by shop as the server would: each shop's log is generated when its turn comes and dropped after, so
 * the heap holds one shop, not the input; the fork runs with a 256 MB heap, far below what 10 million messages held at
 * once would need. {@code generateOnly} measures the generation alone, to subtract.
 *
 * <p>Run: {@code ./mvnw -q -pl parley-bench -am package -DskipTests && /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar parley-bench/target/parley-bench.jar
 * EvaluationBenchmark}; one figure: {@code ... EvaluationBenchmark.evaluateAllShops -p detail=FIGURES}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class EvaluationBenchmark {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(181);
    private static final Instant AS_OF = Instant.parse("2026-07-16T00:00:00Z");

    @Param("10000")
    int shops;

    @Param("1000")
    int messagesPerShop;

    private ShopLogGenerator generator;
    private Evaluator[] evaluators;

    @Setup
    public void setUp() {
        generator = new ShopLogGenerator(messagesPerShop, START, SPAN, 42);
        evaluators = ShopLogGenerator.ZONES.stream()
                .map(zone -> Evaluator.of(zone, EvaluationSettings.defaults()))
                .toArray(Evaluator[]::new);
    }

    /** How much each evaluation says, a parameter of {@link #evaluateAllShops} only. */
    @State(Scope.Benchmark)
    public static class Explanation {
        /** {@code FIGURES} as {@code parley evaluate} without {@code --explain}; {@code EXPLANATION} as a server stores. */
        @Param({"FIGURES", "EXPLANATION"})
        Evaluator.Detail detail;
    }

    /** Generates and evaluates every shop; one operation is all {@code shops * messagesPerShop} messages. */
    @Benchmark
    public void evaluateAllShops(Explanation explanation, Blackhole blackhole) {
        for (int i = 0; i < shops; i++) {
            List<ShopMessage> log = generator.shop(i);
            blackhole.consume(evaluators[i % evaluators.length].evaluate(log, AS_OF, explanation.detail));
        }
    }

    /** Generates every shop without evaluating it: the part of {@link #evaluateAllShops} that is not the core. */
    @Benchmark
    public void generateOnly(Blackhole blackhole) {
        for (int i = 0; i < shops; i++) {
            blackhole.consume(generator.shop(i));
        }
    }
}
