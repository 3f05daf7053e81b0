package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.cases.Cases;
import dev.parley.server.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A shop's standing as its team sees it: active points and the thresholds, enforcement actions (admins appeal the
 * ones that restrict messaging), violations with their rule and clause, the abuse reports it filed and the verdicts it
 * contested.
 */
@Controller
@RequestMapping("/shop/{shopId}/standing")
class StandingPages {
    private static final Cases.Paging PAGE = new Cases.Paging(null, 100);
    private final Cases cases;
    private final Accounts accounts;

    StandingPages(Cases cases, Accounts accounts) {
        this.cases = cases;
        this.accounts = accounts;
    }

    @GetMapping
    String standing(@AuthenticationPrincipal Actor me, @PathVariable String shopId, Model model) {
        load(me, shopId, model);
        return "standing";
    }

    @PostMapping("/actions/{actionId}/appeal")
    String appeal(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @PathVariable String actionId,
            @RequestParam(defaultValue = "") String statement,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            cases.appeal(me, shopId, actionId, statement);
            model.addAttribute("appealed", actionId);
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("problem", refused.body());
        }
        load(me, shopId, model);
        return Htmx.isHtmx(request) ? "standing :: panel" : "standing";
    }

    private void load(Actor me, String shopId, Model model) {
        ShopInfo shop = accounts.shop(shopId).orElseThrow(() -> ProblemException.notFound("no shop '" + shopId + "'"));
        model.addAttribute("shop", shop);
        model.addAttribute("standing", cases.standing(me, shopId));
        model.addAttribute("actions", cases.enforcementActions(me, shopId, PAGE).items());
        model.addAttribute(
                "violations", cases.violations(me, shopId, null, PAGE).items());
        List<Map<String, @Nullable Object>> reports = new java.util.ArrayList<>();
        for (String status : List.of("PENDING", "VERIFIED", "REJECTED")) {
            reports.addAll(cases.abuseReports(me, shopId, status, PAGE).items());
        }
        model.addAttribute("reports", reports);
        model.addAttribute("contests", cases.contests(me, shopId, null, PAGE).items());
        model.addAttribute(
                "mayAppeal",
                !me.isApiClient()
                        && me.roleIn(shopId).map(r -> r.atLeast(ShopRole.ADMIN)).orElse(false));
    }
}
