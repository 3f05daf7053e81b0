package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows (the signed-in user, their shops, the server's time for the countdowns, the address of this
 * page for the language switch), and the pages' answer to a refusal: the API's problem, shown as a page, or as a
 * fragment to an htmx request, with the API's status.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {
    private final Accounts accounts;
    private final Clock clock;

    PageModel(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A shop of the signed-in member, with their role. */
    record MyShop(String id, String name, ShopRole role) {

        public boolean admin() {
            return role.atLeast(ShopRole.ADMIN);
        }
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal @Nullable Actor me, HttpServletRequest request, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("nowMillis", clock.millis());
        model.addAttribute("here", here(request));
        List<MyShop> shops = me == null
                ? List.of()
                : me.shops().entrySet().stream()
                        .map(e -> new MyShop(
                                e.getKey(),
                                accounts.shop(e.getKey()).map(ShopInfo::name).orElse(e.getKey()),
                                e.getValue()))
                        .sorted(java.util.Comparator.comparing(MyShop::name))
                        .toList();
        model.addAttribute("myShops", shops);
        model.addAttribute("role", me == null ? "guest" : roleName(me));
    }

    static String roleName(Actor me) {
        if (me.platformRole() != null) {
            return me.platformRole().apiName();
        }
        if (me.isBuyer()) {
            return "buyer";
        }
        return me.shops().values().stream()
                .max(Enum::compareTo)
                .map(ShopRole::apiName)
                .orElse("seller");
    }

    /** The path and query of this request, for links back to it. */
    static String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status());
        Map<String, @Nullable Object> body = e.body();
        model.addAttribute("problem", body);
        return Htmx.isHtmx(request) ? "fragments/problem :: problem" : "error";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(
            MissingServletRequestParameterException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return problem(ProblemException.invalid(e.getParameterName() + ": missing"), request, response, model);
    }
}
