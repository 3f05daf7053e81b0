package dev.parley.bench.load;

import java.time.Duration;

/**
 * What a load run does.
 *
 * @param url the server's base URL (loopback only)
 * @param rate offered messages per second, half from buyers and half from agents
 * @param duration how long to measure
 * @param warmup how long to send before measuring
 * @param shops how many shops
 * @param agentsPerShop agents per shop (4 by default: at 2,000 messages/s each agent sends about 6/s, under the
 *     server's 10/s per-user limit)
 * @param buyers how many buyers (each opens one conversation with one shop)
 * @param operator operator credentials as {@code user:password}
 * @param prefix prefix of the ids of the population (the same prefix reuses it)
 * @param maxInFlight sends waiting for an answer at most; a send due beyond it is counted as not sent
 */
record LoadSettings(
        String url,
        int rate,
        Duration duration,
        Duration warmup,
        int shops,
        int agentsPerShop,
        int buyers,
        String operator,
        String prefix,
        int maxInFlight) {

    static LoadSettings parse(String[] args) {
        String url = "http://127.0.0.1:8080";
        int rate = 500;
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(5);
        int shops = 40;
        int agents = 4;
        int buyers = 200;
        String operator = "operator1:demo";
        String prefix = "lg";
        int maxInFlight = 1000;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--url" -> url = value;
                case "--rate" -> rate = Integer.parseInt(value);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--shops" -> shops = Integer.parseInt(value);
                case "--agents-per-shop" -> agents = Integer.parseInt(value);
                case "--buyers" -> buyers = Integer.parseInt(value);
                case "--operator" -> operator = value;
                case "--prefix" -> prefix = value;
                case "--max-in-flight" -> maxInFlight = Integer.parseInt(value);
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; options: --url --rate"
                                    + " --duration --warmup --shops --agents-per-shop --buyers --operator --prefix --max-in-flight");
            }
            i++;
        }
        String host = java.net.URI.create(url).getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("the load generator only targets loopback addresses, not " + host);
        }
        if (duration.toSeconds() > 600 || rate > 20_000 || buyers > 5_000) {
            throw new IllegalArgumentException("bounded: at most 600 s, 20,000 messages/s and 5,000 buyers");
        }
        return new LoadSettings(url, rate, duration, warmup, shops, agents, buyers, operator, prefix, maxInFlight);
    }
}
