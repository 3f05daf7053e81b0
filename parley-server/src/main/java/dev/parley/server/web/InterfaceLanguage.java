package dev.parley.server.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the pages: English or Traditional Chinese, as chosen with the switch (a cookie), else the first of
 * the browser's languages that is one of them (any Chinese gets Traditional Chinese), else English.
 */
final class InterfaceLanguage implements LocaleResolver {
    static final String COOKIE = "parley_lang";
    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale TRADITIONAL_CHINESE = Locale.forLanguageTag("zh-Hant");
    static final List<Locale> OFFERED = List.of(ENGLISH, TRADITIONAL_CHINESE);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    Locale chosen = parse(c.getValue());
                    if (chosen != null) {
                        return chosen;
                    }
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                if (wanted.getLanguage().equals("zh")) {
                    return TRADITIONAL_CHINESE;
                }
                if (wanted.getLanguage().equals("en")) {
                    return ENGLISH;
                }
            }
        }
        return ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (response == null) {
            return;
        }
        Locale chosen = locale == null ? null : parse(locale.toLanguageTag());
        ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen == null ? "" : chosen.toLanguageTag())
                .path("/")
                .sameSite("Lax")
                .secure(request.isSecure())
                .maxAge(chosen == null ? Duration.ZERO : Duration.ofDays(365))
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    /** The offered language this tag names, or null. */
    static @Nullable Locale parse(@Nullable String tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag.strip().toLowerCase(Locale.ROOT)) {
            case "en" -> ENGLISH;
            case "zh-hant", "zh-tw", "zh-hk", "zh" -> TRADITIONAL_CHINESE;
            default -> null;
        };
    }
}
