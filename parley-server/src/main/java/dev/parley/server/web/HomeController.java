package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.IssuedToken;
import dev.parley.server.shared.DatabaseEnvironment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.LocaleResolver;

/** Sign-in, each role's start page, the language switch, and the socket token of a signed-in page. */
@Controller
class HomeController {
    /** The demo users of api.md, shown on the sign-in page when the demo data is loaded. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("buyer1", "buyer"),
            new DemoUser("buyer2", "buyer"),
            new DemoUser("agent1", "agent"),
            new DemoUser("admin1", "admin"),
            new DemoUser("owner1", "owner"),
            new DemoUser("agent2", "agent"),
            new DemoUser("admin2", "admin"),
            new DemoUser("reviewer1", "reviewer"),
            new DemoUser("arbitrator1", "arbitrator"),
            new DemoUser("operator1", "operator"));

    private final Accounts accounts;
    private final DatabaseEnvironment environment;
    private final LocaleResolver locales;

    HomeController(Accounts accounts, DatabaseEnvironment environment, LocaleResolver locales) {
        this.accounts = accounts;
        this.environment = environment;
        this.locales = locales;
    }

    /** A demo user and the role label shown beside it. */
    record DemoUser(String username, String role) {}

    @GetMapping("/")
    String home(@AuthenticationPrincipal Actor me) {
        if (me.isBuyer()) {
            return "redirect:/conversations";
        }
        if (me.kind() == Actor.Kind.SELLER) {
            return "redirect:/inbox";
        }
        return "redirect:/staff";
    }

    @GetMapping("/sign-in")
    String signIn(@AuthenticationPrincipal @Nullable Actor me, Model model) {
        if (me != null) {
            return "redirect:/";
        }
        model.addAttribute("demoUsers", environment.loadDemo() ? DEMO_USERS : List.of());
        return "sign-in";
    }

    @GetMapping("/language")
    String language(
            @RequestParam String lang,
            @RequestParam(required = false) @Nullable String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        Locale chosen = InterfaceLanguage.parse(lang);
        if (chosen != null) {
            locales.setLocale(request, response, chosen);
        }
        return "redirect:" + safeBack(back);
    }

    /** A short-lived token for the WebSocket, bound to this user, good for {@code /ws} only (CSRF-protected POST). */
    @PostMapping("/session/socket-token")
    @ResponseBody
    Map<String, Object> socketToken(@AuthenticationPrincipal Actor me) {
        IssuedToken issued = accounts.socketToken(me);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", issued.token());
        body.put("expiresAt", issued.expiresAt());
        return body;
    }

    /** A path on this site to go back to: anything else (another host, a scheme) becomes the start page. */
    static String safeBack(@Nullable String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")) {
            return "/";
        }
        for (char ch : back.toCharArray()) {
            if (ch < 0x20 || ch == '\\') {
                return "/";
            }
        }
        return back;
    }
}
