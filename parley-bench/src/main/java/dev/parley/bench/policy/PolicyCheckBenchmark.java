package dev.parley.bench.policy;

import com.ibm.icu.text.Normalizer2;
import dev.parley.core.policy.CheckRequest;
import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.PolicyConfig;
import dev.parley.core.policy.Verdict;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The message checker's text pipeline over the dev corpus, one message per operation on one thread (the whole corpus,
 * and the messages whose language the rule decides without Lingua), beside the floor
 * every checker pays (one ICU4J NFKC-casefold pass over the same messages), and a size sweep of 1,000 to 100,000
 * characters (divide the time per operation by {@code size} for the time per character; flat means linear).
 *
 * <p>Run (from the repository root, about 4 minutes on one core):
 *
 * <pre>
 * ./mvnw -q -pl parley-bench -am package -DskipTests
 * java -cp parley-bench/target/parley-bench.jar dev.parley.bench.policy.PolicyBenchmarkReport
 * </pre>
 *
 * or plain JMH: {@code java -jar parley-bench/target/parley-bench.jar PolicyCheckBenchmark -t 1 -f 1}. The corpus is
 * found by walking up to {@code shared/corpus}, or given with {@code -Dparley.corpus=DIR}.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PolicyCheckBenchmark {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private PolicyChecker checker;
    private List<CheckRequest> messages;
    private List<CheckRequest> withoutLingua;
    private int next;
    private int nextWithoutLingua;

    @Setup(Level.Trial)
    public void setUp() {
        checker = PolicyChecker.create(PolicyConfig.defaults());
        messages = DevCorpus.requests();
        withoutLingua = DevCorpus.withoutLingua(checker, messages);
    }

    private CheckRequest nextMessage() {
        CheckRequest m = messages.get(next);
        next = next + 1 == messages.size() ? 0 : next + 1;
        return m;
    }

    /** The whole checker on one corpus message, with every Lingua call the language rule makes. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict fullPipeline() {
        return checker.check(nextMessage());
    }

    /** The whole checker on one corpus message whose language the rule decides without Lingua. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict withoutLingua() {
        CheckRequest m = withoutLingua.get(nextWithoutLingua);
        nextWithoutLingua = nextWithoutLingua + 1 == withoutLingua.size() ? 0 : nextWithoutLingua + 1;
        return checker.check(m);
    }

    /** One NFKC-casefold pass over one corpus message: the floor. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String nfkcFloor() {
        return NFKC_CASEFOLD.normalize(nextMessage().text());
    }

    /** Long texts made of corpus messages, for the size sweep. */
    @State(Scope.Thread)
    public static class LongText {
        @Param({"1000", "10000", "100000"})
        public int size;

        CheckRequest request;

        @Setup(Level.Trial)
        public void setUp() {
            request = CheckRequest.ofText(PolicyCpuTime.longText(DevCorpus.requests(), size));
        }
    }

    /** The whole checker on one long text; time per character is the score divided by the size. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict sizeSweep(LongText text) {
        return checker.check(text.request);
    }
}
