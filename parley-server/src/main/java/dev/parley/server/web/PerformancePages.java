package dev.parley.server.web;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.cases.CasesSettings;
import dev.parley.server.messaging.MessageRecord;
import dev.parley.server.messaging.MessageRecords;
import dev.parley.server.performance.CurrentPeriod;
import dev.parley.server.performance.EvaluationPage;
import dev.parley.server.performance.Evaluations;
import dev.parley.server.performance.ShopEvaluation;
import dev.parley.server.shared.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * A shop's performance (section three of the rules): the open period so far, the stored evaluations with the response
 * rate against the target per period and the distribution of response times (uPlot charts over the same figures as
 * the tables), and each evaluation explained message by message. The shop's team and platform staff read them.
 */
@Controller
@RequestMapping("/shop/{shopId}/performance")
class PerformancePages {
    private static final int PERIODS = 24;
    private final Evaluations evaluations;
    private final Accounts accounts;
    private final MessageRecords messages;
    private final CasesSettings cases;
    private final ObjectMapper json;

    PerformancePages(
            Evaluations evaluations,
            Accounts accounts,
            MessageRecords messages,
            CasesSettings cases,
            ObjectMapper json) {
        this.evaluations = evaluations;
        this.accounts = accounts;
        this.messages = messages;
        this.cases = cases;
        this.json = json;
    }

    /** One row of the message-by-message explanation, with the texts the reader may see. */
    record Row(
            Evaluation.MessageExplanation message,
            @Nullable String buyerText,
            @Nullable String replyText) {}

    @GetMapping
    String overview(@AuthenticationPrincipal Actor me, @PathVariable String shopId, Model model) {
        evaluations.requireReader(me, shopId);
        ShopInfo shop = shop(shopId);
        CurrentPeriod current = evaluations.current(shopId);
        EvaluationPage page = evaluations.page(shopId, null, PERIODS);
        List<ShopEvaluation> history = page.items();
        double target = cases.responseRate().target();
        model.addAttribute("shop", shop);
        model.addAttribute("current", current.figures());
        model.addAttribute("asOf", current.asOf());
        model.addAttribute("history", history);
        model.addAttribute("target", target);
        model.addAttribute("rateChart", json.writeValueAsString(rateChart(history, target)));
        model.addAttribute("timesChart", json.writeValueAsString(timesChart(current.figures())));
        model.addAttribute("charts", true);
        return "performance";
    }

    @GetMapping("/{evaluatedAt}")
    String evaluation(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @PathVariable long evaluatedAt,
            @RequestParam(required = false) @Nullable Integer revision,
            Model model) {
        evaluations.requireReader(me, shopId);
        ShopInfo shop = shop(shopId);
        ShopEvaluation stored = evaluations
                .find(shopId, Instant.ofEpochMilli(evaluatedAt), revision)
                .orElseThrow(() -> ProblemException.notFound("no evaluation of this shop at this instant"));
        Evaluation e = stored.evaluation();
        List<String> ids = new ArrayList<>();
        for (Evaluation.MessageExplanation m : e.messages()) {
            ids.add(m.id());
            if (m.replyId() != null) {
                ids.add(m.replyId());
            }
        }
        Map<String, String> texts = new HashMap<>();
        for (MessageRecord r : messages.findAll(ids)) {
            if (r.shopId().equals(shopId)) {
                texts.put(r.id(), r.text());
            }
        }
        List<Row> rows = e.messages().stream()
                .map(m -> new Row(m, texts.get(m.id()), m.replyId() == null ? null : texts.get(m.replyId())))
                .toList();
        model.addAttribute("shop", shop);
        model.addAttribute("stored", stored);
        model.addAttribute("e", e);
        model.addAttribute("rows", rows);
        model.addAttribute("target", cases.responseRate().target());
        model.addAttribute("timesChart", json.writeValueAsString(timesChart(e)));
        model.addAttribute("charts", true);
        return "evaluation";
    }

    /**
     * The rate of each stored period (oldest first), in percent, labelled by the period's last day; null where the
     * period was not evaluated; and the target, which the chart draws across.
     */
    static Map<String, Object> rateChart(List<ShopEvaluation> newestFirst, double target) {
        List<Integer> x = new ArrayList<>();
        List<@Nullable Double> rate = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Evaluation e = newestFirst.get(i).evaluation();
            x.add(x.size());
            rate.add(e.responseRate() == null ? null : round(e.responseRate() * 100));
            labels.add(e.evaluatedAt().toLocalDate().minusDays(1).toString().substring(5));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("x", x);
        chart.put("rate", rate);
        chart.put("labels", labels);
        chart.put("target", round(target * 100));
        return chart;
    }

    /** Response-time buckets (hours) of the explained messages, with those not responded within the window last. */
    static Map<String, Object> timesChart(Evaluation e) {
        double[] edges = {1, 4, 12, 24, 48, 72};
        String[] labels = {"<1h", "1–4h", "4–12h", "12–24h", "24–48h", "48–72h", "none"};
        long[] counts = new long[labels.length];
        for (Evaluation.MessageExplanation m : e.messages()) {
            Double seconds = m.responseSeconds();
            if (!m.responded() || seconds == null) {
                counts[labels.length - 1]++;
                continue;
            }
            double hours = seconds / 3600;
            int bucket = edges.length - 1;
            for (int i = 0; i < edges.length; i++) {
                if (hours < edges[i]) {
                    bucket = i;
                    break;
                }
            }
            counts[bucket]++;
        }
        List<Integer> x = new ArrayList<>();
        List<Long> y = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            x.add(i);
            y.add(counts[i]);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("x", x);
        chart.put("count", y);
        chart.put("labels", List.of(labels));
        return chart;
    }

    private ShopInfo shop(String shopId) {
        return accounts.shop(shopId).orElseThrow(() -> ProblemException.notFound("no shop '" + shopId + "'"));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
