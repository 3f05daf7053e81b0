package dev.parley.bench;

import dev.parley.core.evaluation.Sender;
import dev.parley.core.evaluation.ShopMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates plausible shop logs one shop at a time, deterministically from the shop's index, so that a benchmark can
 * walk millions of messages while holding one shop in memory.
 *
 * <p>A shop's conversations start at random times over the span; in each, the buyer writes one to three messages and
 * the seller team usually answers, mostly within hours, sometimes after the 72-hour window, sometimes first with a
 * placeholder, an automatic or an undelivered message. A few buyer messages are excluded, a few system messages appear.
 * Messages come out grouped by conversation, not in time order. Ids repeat across shops (they are unique per shop).
 */
public final class ShopLogGenerator {
    /** The marketplace zones the shops are spread over, with two that change their clocks. */
    public static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Asia/Bangkok"),
            ZoneId.of("Asia/Jakarta"),
            ZoneId.of("Asia/Kuala_Lumpur"),
            ZoneId.of("Asia/Ho_Chi_Minh"),
            ZoneId.of("Asia/Manila"),
            ZoneId.of("Asia/Taipei"),
            ZoneId.of("Asia/Shanghai"),
            ZoneId.of("America/Mexico_City"),
            ZoneId.of("America/Santiago"),
            ZoneId.of("America/New_York"));

    private final int messagesPerShop;
    private final long start;
    private final long span;
    private final long seed;
    private final String[] ids;
    private final String[] conversations;

    /** Shops of {@code messagesPerShop} messages each, sent over {@code span} from {@code start}. */
    public ShopLogGenerator(int messagesPerShop, Instant start, Duration span, long seed) {
        this.messagesPerShop = messagesPerShop;
        this.start = start.toEpochMilli();
        this.span = span.toMillis();
        this.seed = seed;
        this.ids = new String[messagesPerShop];
        for (int i = 0; i < messagesPerShop; i++) {
            ids[i] = "m-" + i;
        }
        this.conversations = new String[messagesPerShop];
        for (int i = 0; i < messagesPerShop; i++) {
            conversations[i] = "c-" + i;
        }
    }

    /** The zone of shop {@code index}. */
    public ZoneId zone(int index) {
        return ZONES.get(Math.floorMod(index, ZONES.size()));
    }

    /** The id of shop {@code index}. */
    public String shopId(int index) {
        return "shop-" + index;
    }

    /** The messages of shop {@code index}, exactly {@code messagesPerShop} of them. */
    public List<ShopMessage> shop(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        List<ShopMessage> log = new ArrayList<>(messagesPerShop);
        int conversation = 0;
        while (log.size() < messagesPerShop) {
            String c = conversations[conversation++];
            long t = start + random.nextLong(span);
            if (random.nextInt(100) < 3) {
                add(log, c, Sender.SYSTEM, t, 0);
                t += 1000;
            }
            int rounds = 1 + random.nextInt(3);
            for (int round = 0; round < rounds && log.size() < messagesPerShop; round++) {
                int questions = 1 + random.nextInt(3);
                for (int q = 0; q < questions && log.size() < messagesPerShop; q++) {
                    add(log, c, Sender.BUYER, t, random.nextInt(100) == 0 ? EXCLUDED : 0);
                    t += 1000L * random.nextInt(1, 600);
                }
                int answer = random.nextInt(100);
                if (answer < 12) {
                    t += Duration.ofHours(24).toMillis() * random.nextInt(1, 6);
                    continue;
                }
                long delay = answer < 17
                        ? random.nextLong(Duration.ofHours(120).toMillis())
                        : (long) (-Math.log(1 - random.nextDouble())
                                * Duration.ofHours(2).toMillis());
                t += 1 + delay;
                if (answer < 25 && log.size() < messagesPerShop) {
                    add(
                            log,
                            c,
                            Sender.SELLER,
                            t - delay / 2,
                            answer < 20 ? PLACEHOLDER : answer < 23 ? AUTO : UNDELIVERED);
                }
                if (log.size() < messagesPerShop) {
                    add(log, c, Sender.SELLER, t, 0);
                }
                t += 1000L * random.nextInt(60, 36_000);
            }
        }
        return log;
    }

    private static final int AUTO = 1;
    private static final int PLACEHOLDER = 2;
    private static final int UNDELIVERED = 4;
    private static final int EXCLUDED = 8;

    private void add(List<ShopMessage> log, String conversation, Sender sender, long at, int flags) {
        log.add(new ShopMessage(
                conversation,
                ids[log.size()],
                sender,
                Instant.ofEpochMilli(at),
                (flags & AUTO) != 0,
                (flags & PLACEHOLDER) != 0,
                (flags & UNDELIVERED) == 0,
                (flags & EXCLUDED) != 0));
    }
}
