package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.shared.ProblemException;

/** How a party sees a conversation: as its buyer, as the shop's team, or as platform staff. */
enum Viewer {
    BUYER,
    TEAM,
    STAFF;

    /** The view {@code actor} has of {@code c}; 404 when it may not see it, 403 for an API token of another shop. */
    static Viewer of(Actor actor, ConversationRow c) {
        if (actor.isApiClient()) {
            if (!c.shopId().equals(actor.apiTokenShopId()) || !actor.mayRead(c.shopId())) {
                throw unauthorizedClient();
            }
            return TEAM;
        }
        return switch (actor.kind()) {
            case BUYER -> {
                if (!c.buyerId().equals(actor.userId())) {
                    throw notFound(c.id());
                }
                yield BUYER;
            }
            case SELLER -> {
                if (!actor.mayRead(c.shopId())) {
                    throw notFound(c.id());
                }
                yield TEAM;
            }
            case STAFF -> {
                if (actor.is(PlatformRole.OPERATOR)) {
                    throw notFound(c.id());
                }
                yield STAFF;
            }
            case SHOP_CLIENT -> throw unauthorizedClient();
        };
    }

    static ProblemException notFound(String conversationId) {
        return ProblemException.notFound("no conversation '" + conversationId + "'");
    }

    static ProblemException unauthorizedClient() {
        return ProblemException.rule(
                403,
                "unauthorized_client",
                "Unauthorized client",
                "this token may not reach this shop's messages (clause 3.7)",
                "unauthorized_client",
                null,
                "3.7");
    }
}
