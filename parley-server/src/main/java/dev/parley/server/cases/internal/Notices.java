package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.UserInfo;
import dev.parley.server.cases.MailSettings;
import dev.parley.server.messaging.ReplyUnread;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mail notices of what happens in messaging: a shop's reply the buyer left unread ({@link ReplyUnread}) is told to
 * the buyer, when they gave an e-mail address. The notice names the shop, how many messages wait and links to the
 * conversation; it quotes no message, so it tells nothing the buyer could not read in the conversation.
 */
@Component
class Notices {
    private final Accounts accounts;
    private final Outbox outbox;
    private final MailSettings mail;

    Notices(Accounts accounts, Outbox outbox, MailSettings mail) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(ReplyUnread e) {
        accounts.noticeAddress(e.buyerId()).ifPresent(to -> {
            String shop = accounts.shop(e.shopId()).map(ShopInfo::name).orElse(e.shopId());
            String name = accounts.user(e.buyerId()).map(UserInfo::displayName).orElse("");
            String link = mail.baseUrl() + "/conversations/" + e.conversationId();
            String count = e.unreadCount() == 1 ? "a message" : e.unreadCount() + " messages";
            outbox.enqueue(
                    "reply_unread",
                    e.conversationId() + "@" + e.since().toEpochMilli(),
                    e.buyerId(),
                    to,
                    shop + " answered your question",
                    "Hello" + (name.isBlank() ? "" : " " + name) + ",\n\n"
                            + shop + " answered you: " + count + " you have not read yet.\n\n"
                            + "Read and reply in the conversation: " + link + "\n\n"
                            + "-- \nThe marketplace's e-commerce team (" + mail.from() + ")\n");
        });
    }
}
