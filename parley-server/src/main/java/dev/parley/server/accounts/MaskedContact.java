package dev.parley.server.accounts;

import org.jspecify.annotations.Nullable;

/**
 * A buyer's personal data as a seller may see it without a need to fulfil an order: each field masked so that it
 * confirms who the buyer is without disclosing it (the first letter of each name, the e-mail's domain, the phone's last
 * two digits). A field the buyer never gave is null.
 */
public record MaskedContact(
        @Nullable String legalName,
        @Nullable String email,
        @Nullable String phone) {

    private static final char DOT = '•';

    /** Masks the contact data as stored. */
    public static MaskedContact of(@Nullable String legalName, @Nullable String email, @Nullable String phone) {
        return new MaskedContact(maskName(legalName), maskEmail(email), maskPhone(phone));
    }

    static @Nullable String maskName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.appendCodePoint(word.codePointAt(0)).append(String.valueOf(DOT).repeat(3));
        }
        return out.toString();
    }

    static @Nullable String maskEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return String.valueOf(DOT).repeat(6);
        }
        return email.substring(0, Character.charCount(email.codePointAt(0)))
                + String.valueOf(DOT).repeat(4)
                + email.substring(at);
    }

    static @Nullable String maskPhone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder();
        long seen = 0;
        for (char ch : phone.toCharArray()) {
            if (Character.isDigit(ch)) {
                seen++;
                out.append(seen > digits - 2 ? ch : DOT);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
