package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with cases (the roles table of api.md): a shop's team reads its own cases, agents report buyers,
 * admins and owners contest and appeal, platform reviewers work the queues. Resources of another tenant are {@code
 * 404}; shop API tokens reach conversations only.
 */
@Component
class Access {
    private final Accounts accounts;

    Access(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A platform reviewer, else {@code 403}. */
    void reviewer(Actor actor) {
        if (!actor.is(PlatformRole.REVIEWER)) {
            throw ProblemException.forbidden("only platform reviewers work the review queues");
        }
    }

    /** A platform arbitrator, else {@code 403}. */
    void arbitrator(Actor actor) {
        if (!actor.is(PlatformRole.ARBITRATOR)) {
            throw ProblemException.forbidden("only platform arbitrators take and decide disputes");
        }
    }

    /** A platform reviewer or arbitrator, else {@code 403}. */
    void reviewerOrArbitrator(Actor actor, String what) {
        if (!actor.is(PlatformRole.REVIEWER) && !actor.is(PlatformRole.ARBITRATOR)) {
            throw ProblemException.forbidden("only platform reviewers and arbitrators " + what);
        }
    }

    /** A platform reviewer or operator (the policy's owner), else {@code 403}. */
    void reviewerOrOperator(Actor actor) {
        if (!actor.is(PlatformRole.REVIEWER) && !actor.is(PlatformRole.OPERATOR)) {
            throw ProblemException.forbidden("only platform reviewers and operators read the regression set");
        }
    }

    /** The shop's team (any role) or platform reviewers and arbitrators: they may read the shop's cases. */
    void reader(Actor actor, String shopId) {
        shop(actor, shopId);
        if (actor.isStaff()) {
            if (actor.is(PlatformRole.OPERATOR)) {
                throw ProblemException.forbidden("operators do not read a shop's cases");
            }
            return;
        }
        member(actor, shopId);
    }

    /** A member of the shop's team signed in as a person (any role). */
    ShopRole member(Actor actor, String shopId) {
        shop(actor, shopId);
        if (actor.isStaff()) {
            throw ProblemException.forbidden("only the shop's own team does this");
        }
        ShopRole role = actor.roleIn(shopId).orElseThrow(() -> noShop(shopId));
        if (actor.isApiClient()) {
            throw ProblemException.forbidden(
                    "shop API tokens reach conversations only; sign in as a team member for cases");
        }
        return role;
    }

    /** An admin or owner of the shop signed in as a person. */
    void admin(Actor actor, String shopId, String what) {
        if (!member(actor, shopId).atLeast(ShopRole.ADMIN)) {
            throw ProblemException.forbidden("only the shop's admins and owner " + what);
        }
    }

    /** A buyer, else {@code 403}. */
    void buyer(Actor actor, String what) {
        if (!actor.isBuyer()) {
            throw ProblemException.forbidden("only buyers " + what);
        }
    }

    private void shop(Actor actor, String shopId) {
        if (actor.isApiClient() && !shopId.equals(actor.apiTokenShopId())) {
            if (accounts.shop(shopId).isEmpty()) {
                throw noShop(shopId);
            }
            throw ProblemException.rule(
                    403,
                    "unauthorized_client",
                    "Unauthorized client",
                    "this token may not reach this shop (clause 3.7)",
                    "unauthorized_client",
                    null,
                    "3.7");
        }
        if (accounts.shop(shopId).isEmpty()) {
            throw noShop(shopId);
        }
        if (!actor.isStaff() && actor.roleIn(shopId).isEmpty()) {
            throw noShop(shopId);
        }
    }

    private static ProblemException noShop(String shopId) {
        return ProblemException.notFound("no shop '" + shopId + "'");
    }
}
