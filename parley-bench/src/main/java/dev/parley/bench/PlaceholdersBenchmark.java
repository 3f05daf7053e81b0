package dev.parley.bench;

import dev.parley.core.evaluation.Placeholders;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The placeholder decision the server makes on every seller send, over a mix of placeholders and real answers in the
 * marketplace languages; one operation is one message.
 *
 * <p>Run: {@code ./mvnw -q -pl parley-bench -am package -DskipTests && /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar parley-bench/target/parley-bench.jar
 * PlaceholdersBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlaceholdersBenchmark {
    private static final String[] MESSAGES = {
        "hi",
        "ok 👍",
        "Hello! Let me check that for you, just a sec 🙏",
        "ok, shipped today, tracking TH123",
        "稍等",
        "亲，请稍等哦～",
        "好的，明天发货",
        "sebentar ya kak",
        "oke kak, sudah dikirim ya, resi JNE1234567890",
        "ค่ะ รอสักครู่นะคะ",
        "ค่ะ ส่งของแล้วนะคะ เลขพัสดุ TH123456",
        "dạ shop chờ chút ạ",
        "dạ shop gửi hàng rồi ạ, mã vận đơn VN123",
        "un momento por favor",
        "hola, sí tenemos stock en talla M y L",
        "sandali lang po",
        "Thank you for your order! The blue one is in stock and we ship within 24 hours from our Bangkok warehouse."
    };

    private int next;

    @Benchmark
    public boolean isPlaceholder() {
        String message = MESSAGES[next];
        next = next + 1 == MESSAGES.length ? 0 : next + 1;
        return Placeholders.isPlaceholder(message);
    }
}
