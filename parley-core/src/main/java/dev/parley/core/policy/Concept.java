package dev.parley.core.policy;

/**
 * What a term of the content lexicons stands for, in any language; the content rules combine concepts found near each
 * other. A concept marked {@code masked} also matches its terms with letters hidden by asterisks ("f*ck", "b**ch").
 */
enum Concept {
    // shared context
    YOU(false),
    PERSON(false),
    FIRST_FUTURE(false),
    NEGATION(false),
    THANKS(false),
    INNOCENT(false),

    // 3.3 abusive language
    INSULT(true),
    INSULT_WEAK(false),
    ANIMAL_INSULT(false),
    VOCATIVE(false),
    INTENSIFIER(false),
    HARMLESS_CONTEXT(false),
    THREAT(false),
    REGRET(false),
    GO_TO(false),
    YOUR_HOME(false),
    EXPOSE(false),
    PERSONAL_INFO(false),
    PUBLIC(false),
    KEEP_CONTACT(false),
    UNTIL_REPLY(false),
    EVERY_INTERVAL(false),
    BLOCK_ME(false),
    NEW_ACCOUNT(false),
    DEMAND_REPLY(false),
    SEXUAL(true),
    PHOTO_REQUEST(false),
    WEARING(false),
    INTIMATE(false),
    BODY(false),
    ATTRACTIVE(false),
    FLIRT(false),
    SLUR(true),
    GROUP(false),
    STEREOTYPE(false),

    // 3.6 review manipulation
    REVIEW(false),
    REVIEW_WORD(false),
    POSITIVE_REVIEW(false),
    NEGATIVE_REVIEW(false),
    REQUEST(false),
    INCENTIVE(false),
    MONEY_BACK(false),
    REMOVE(false),
    DICTATE(false),
    DICTATE_THAT(false),

    // 3.2 promotion
    PROMO(false),
    PROMO_WEAK(false),
    PROMO_QUERY(false),

    // 3.5 prohibited use
    OTHER_SELLER(false),
    DONT_BUY(false),
    ACCUSATION(false),
    SECRET(false),
    ASK(false),
    SAFETY_WARNING(false),
    ILLEGAL(false),
    COUNTERFEIT(false),
    BOOST_SALES(false),
    REFUND(false),
    CUSTOMS(false),
    EVADE(false),
    DRUG(false),
    NO_PRESCRIPTION(false),

    // 4.1 and 4.2 listing terms
    PRICE(false),
    PRICE_HINT(false),
    FEE(false),
    DISCOUNT(false),
    DISCOUNT_OFFER(false),
    WARRANTY(false),
    LIFETIME(false),
    NO_WARRANTY(false),
    VOID(false),
    RETURN(false),
    NO_RETURN(false),
    STORE_CREDIT(false),
    RETURN_SHIPPING(false),
    SHIPPING_FEE(false),
    BUYER_PAYS(false),
    FREE(false),
    OTHER_TIMING(false),
    /** "after", "past", "超过": with a duration after it, the end of a window ("no returns after 30 days"). */
    AFTER(false);

    private final boolean masked;

    Concept(boolean masked) {
        this.masked = masked;
    }

    /** Whether terms of this concept are also matched with letters hidden by asterisks. */
    boolean masked() {
        return masked;
    }
}
