package dev.parley.core.policy;

import java.util.List;
import java.util.Set;

/**
 * Numbers that Chinese chat uses as insults ("87" for 白痴, "250" for 二百五, "38" for 三八) when they stand alone after
 * a copula or degree word ("你是87嗎", "真250"), not when they count or price something ("87元", "250ml").
 */
final class SlangNumbers {
    private static final Set<String> SLANG = Set.of("87", "250", "38");
    private static final String BEFORE = "是很超真好太像夠够";
    private static final String UNIT_AFTER = "元块塊個个号號天年月日分秒折件次位人歲岁米克斤公釐厘毫%.,:/-";

    private SlangNumbers() {}

    /** Adds an insult finding for every slang number in {@code text}. */
    static void find(NormalizedText text, List<Finding> findings) {
        String v = text.value();
        int n = v.length();
        int i = 0;
        while (i < n) {
            if (!isAsciiDigit(v.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && isAsciiDigit(v.charAt(end))) {
                end++;
            }
            if (SLANG.contains(v.substring(i, end)) && slangContext(v, i, end)) {
                findings.add(
                        new Finding(Rule.ABUSIVE_LANGUAGE, "insult", text.originalStart(i), text.originalEnd(end)));
            }
            i = end;
        }
    }

    private static boolean slangContext(String v, int start, int end) {
        int before = start - 1;
        while (before >= 0 && v.charAt(before) == ' ') {
            before--;
        }
        if (before < 0 || BEFORE.indexOf(v.charAt(before)) < 0) {
            return false;
        }
        int after = end;
        while (after < v.length() && v.charAt(after) == ' ') {
            after++;
        }
        if (after >= v.length()) {
            return true;
        }
        char next = v.charAt(after);
        return UNIT_AFTER.indexOf(next) < 0 && !Character.isLetterOrDigit(next) || isHanParticle(next);
    }

    private static boolean isHanParticle(char c) {
        return "嗎吗喔哦啊吧耶欸呢啦嘛".indexOf(c) >= 0;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
