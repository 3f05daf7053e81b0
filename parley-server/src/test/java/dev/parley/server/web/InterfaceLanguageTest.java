package dev.parley.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class InterfaceLanguageTest {
    private final InterfaceLanguage languages = new InterfaceLanguage();

    @Test
    void anyChineseBrowserGetsTraditionalChinese() {
        for (String header : new String[] {"zh-TW", "zh-HK,en;q=0.5", "zh-CN", "fr, zh;q=0.8"}) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("Accept-Language", header);
            request.setPreferredLocales(java.util.Collections.list(java.util.Locale.LanguageRange.parse(header).stream()
                    .map(r -> java.util.Locale.forLanguageTag(r.getRange()))
                    .collect(java.util.stream.Collectors.collectingAndThen(
                            java.util.stream.Collectors.toList(), java.util.Collections::enumeration))));
            assertThat(languages.resolveLocale(request).toLanguageTag())
                    .as(header)
                    .isEqualTo("zh-Hant");
        }
    }

    @Test
    void otherBrowsersGetEnglish() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "de-DE");
        request.setPreferredLocales(java.util.List.of(java.util.Locale.GERMANY));
        assertThat(languages.resolveLocale(request).toLanguageTag()).isEqualTo("en");
        assertThat(languages.resolveLocale(new MockHttpServletRequest()).toLanguageTag())
                .isEqualTo("en");
    }

    @Test
    void theSwitchWinsOverTheBrowserAndIgnoresOtherLanguages() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "en");
        request.setCookies(new Cookie(InterfaceLanguage.COOKIE, "zh-Hant"));
        assertThat(languages.resolveLocale(request).toLanguageTag()).isEqualTo("zh-Hant");
        request.setCookies(new Cookie(InterfaceLanguage.COOKIE, "fr"));
        assertThat(languages.resolveLocale(request).toLanguageTag()).isEqualTo("en");

        MockHttpServletResponse response = new MockHttpServletResponse();
        languages.setLocale(request, response, java.util.Locale.forLanguageTag("zh-TW"));
        assertThat(response.getHeader("Set-Cookie")).startsWith("parley_lang=zh-Hant;");
    }

    @Test
    void goingBackStaysOnThisSite() {
        assertThat(HomeController.safeBack("/inbox?q=a")).isEqualTo("/inbox?q=a");
        assertThat(HomeController.safeBack("//evil.example/")).isEqualTo("/");
        assertThat(HomeController.safeBack("/\\evil.example/")).isEqualTo("/");
        assertThat(HomeController.safeBack("https://evil.example/")).isEqualTo("/");
        assertThat(HomeController.safeBack("/a\r\nSet-Cookie: x=1")).isEqualTo("/");
        assertThat(HomeController.safeBack(null)).isEqualTo("/");
    }
}
