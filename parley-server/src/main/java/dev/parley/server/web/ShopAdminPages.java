package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ApiTokens;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.accounts.Teams;
import dev.parley.server.messaging.QuickReplies;
import dev.parley.server.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
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
 * A shop's own settings as its members see them: the team (every member reads it; admins manage agents, the owner
 * manages admins), the API tokens (admins), and the quick replies (every member reads them, admins add and delete).
 * Each form posts with htmx and gets its panel back, with the outcome or the refusal.
 */
@Controller
@RequestMapping("/shop/{shopId}")
class ShopAdminPages {
    private final Accounts accounts;
    private final Teams teams;
    private final ApiTokens apiTokens;
    private final QuickReplies quickReplies;

    ShopAdminPages(Accounts accounts, Teams teams, ApiTokens apiTokens, QuickReplies quickReplies) {
        this.accounts = accounts;
        this.teams = teams;
        this.apiTokens = apiTokens;
        this.quickReplies = quickReplies;
    }

    // ---------------------------------------------------------------- team

    @GetMapping("/team")
    String team(@AuthenticationPrincipal Actor me, @PathVariable String shopId, Model model) {
        teamModel(me, shopId, model);
        return "team";
    }

    @PostMapping("/team")
    String invite(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @RequestParam String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam String role,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(
                request,
                response,
                model,
                "team",
                () -> {
                    Teams.Invited invited = teams.invite(me, shopId, username.strip(), displayName, role(role));
                    model.addAttribute("invited", invited);
                },
                () -> teamModel(me, shopId, model));
    }

    @PostMapping("/team/{userId}/role")
    String changeRole(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @PathVariable String userId,
            @RequestParam String role,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(
                request,
                response,
                model,
                "team",
                () -> {
                    teams.changeRole(me, shopId, userId, role(role));
                },
                () -> teamModel(me, shopId, model));
    }

    @PostMapping("/team/{userId}/remove")
    String remove(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @PathVariable String userId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(
                request,
                response,
                model,
                "team",
                () -> {
                    teams.remove(me, shopId, userId);
                },
                () -> teamModel(me, shopId, model));
    }

    private void teamModel(Actor me, String shopId, Model model) {
        model.addAttribute("shop", shop(shopId));
        model.addAttribute("members", teams.members(me, shopId));
        List<ShopRole> grantable = new ArrayList<>();
        for (ShopRole r : List.of(ShopRole.AGENT, ShopRole.ADMIN)) {
            if (teams.mayManage(me, shopId, r)) {
                grantable.add(r);
            }
        }
        model.addAttribute("grantable", grantable);
        model.addAttribute("meId", me.userId());
    }

    // ---------------------------------------------------------------- API tokens

    @GetMapping("/tokens")
    String tokens(@AuthenticationPrincipal Actor me, @PathVariable String shopId, Model model) {
        tokensModel(me, shopId, model);
        return "tokens";
    }

    @PostMapping("/tokens")
    String createToken(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String actingUserId,
            @RequestParam(required = false) @Nullable List<String> scopes,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(
                request,
                response,
                model,
                "tokens",
                () -> {
                    if (name.isBlank() || name.length() > 100) {
                        throw ProblemException.invalid("name: 1 to 100 characters");
                    }
                    ApiTokens.Created created = apiTokens.create(
                            me,
                            shopId,
                            name.strip(),
                            actingUserId.isBlank() ? null : actingUserId,
                            scopes == null || scopes.isEmpty() ? null : scopes,
                            null);
                    model.addAttribute("created", created);
                },
                () -> tokensModel(me, shopId, model));
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revokeToken(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @PathVariable String tokenId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(
                request,
                response,
                model,
                "tokens",
                () -> {
                    apiTokens.revoke(me, shopId, tokenId);
                },
                () -> tokensModel(me, shopId, model));
    }

    private void tokensModel(Actor me, String shopId, Model model) {
        model.addAttribute("shop", shop(shopId));
        model.addAttribute("tokens", apiTokens.list(me, shopId));
        model.addAttribute("members", teams.members(me, shopId));
    }

    // ---------------------------------------------------------------- quick replies

    @GetMapping("/quick-replies")
    String quickReplies(@AuthenticationPrincipal Actor me, @PathVariable String shopId, Model model) {
        quickRepliesModel(me, shopId, model);
        return "quick-replies";
    }

    @PostMapping("/quick-replies")
    String saveQuickReply(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @RequestParam String shortcut,
            @RequestParam String text,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("draftShortcut", shortcut);
        model.addAttribute("draftText", text);
        return act(
                request,
                response,
                model,
                "quick-replies",
                () -> {
                    QuickReplies.QuickReply saved = quickReplies.save(me, shopId, shortcut, text);
                    model.addAttribute("saved", saved);
                    model.addAttribute("draftShortcut", "");
                    model.addAttribute("draftText", "");
                },
                () -> quickRepliesModel(me, shopId, model));
    }

    @PostMapping("/quick-replies/{id}/delete")
    String deleteQuickReply(
            @AuthenticationPrincipal Actor me,
            @PathVariable String shopId,
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(
                request,
                response,
                model,
                "quick-replies",
                () -> {
                    quickReplies.delete(me, shopId, id);
                },
                () -> quickRepliesModel(me, shopId, model));
    }

    private void quickRepliesModel(Actor me, String shopId, Model model) {
        model.addAttribute("shop", shop(shopId));
        model.addAttribute("replies", quickReplies.list(me, shopId));
        model.addAttribute("mayManage", quickReplies.mayManage(me, shopId));
        if (!model.containsAttribute("draftShortcut")) {
            model.addAttribute("draftShortcut", "");
            model.addAttribute("draftText", "");
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Runs a change, then loads the panel of {@code page} as it now is, and answers with the panel (htmx) or the whole
     * page; a refusal is shown in the panel with the problem's status. Another shop (or none) stays a 404.
     */
    private String act(
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            String page,
            Runnable change,
            Runnable load) {
        try {
            change.run();
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("problem", refused.body());
        }
        load.run();
        return Htmx.isHtmx(request) ? page + " :: panel" : page;
    }

    private ShopInfo shop(String shopId) {
        return accounts.shop(shopId).orElseThrow(() -> ProblemException.notFound("no shop '" + shopId + "'"));
    }

    private static ShopRole role(String name) {
        return ShopRole.parse(name).orElseThrow(() -> ProblemException.invalid("role: one of admin, agent"));
    }
}
