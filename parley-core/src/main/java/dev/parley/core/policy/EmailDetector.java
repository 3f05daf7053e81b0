package dev.parley.core.policy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses written plainly (clause 3.4, kind {@code email}). */
final class EmailDetector implements Detector {
    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

    @Override
    public void detect(Message message, List<Finding> findings) {
        NormalizedText text = message.normalized();
        Matcher m = EMAIL.matcher(text.value());
        while (m.find()) {
            findings.add(new Finding(
                    Rule.OFF_PLATFORM_CONTACT, "email", text.originalStart(m.start()), text.originalEnd(m.end())));
        }
    }
}
