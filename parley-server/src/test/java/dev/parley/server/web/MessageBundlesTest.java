package dev.parley.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void traditionalChineseHasEveryEnglishKeyAndNoOthers() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_Hant.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @Test
    void messagesWithArgumentsHaveNoStrayApostrophes() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_zh_Hant.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (value.contains("{0}")) {
                    assertThat(value)
                            .as("%s %s: MessageFormat would eat the apostrophe", bundle, key)
                            .doesNotContain("'");
                }
            }
        }
    }
}
