package dev.parley.core.policy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers, bank account numbers, card numbers and IBANs (clause 3.4, kinds {@code phone} and
 * {@code bank_account}).
 *
 * <p>Digit runs are read from the {@linkplain NormalizedText#digits() digits view}, so numbers written with full-width,
 * circled, keycap or Thai digits or spelled out in words count. A run is a phone number when it parses with
 * libphonenumber and its surroundings say so: a {@code +} (valid international number), or a valid national number
 * for the check's regions with a contact word or app name nearby, or with a trunk prefix or phone-like grouping and no
 * word nearby saying it is an order, tracking, model or other code. Letters glued to the run (tracking codes such as
 * {@code TH0123…}, prices such as {@code Rp129.000}, times such as {@code 6pm}), dates and time ranges are never phone
 * numbers. A run of 8 to 20 digits just after a bank or account word is a bank account; a 13 to 19 digit card number
 * with a known issuer prefix and a valid Luhn check digit is one too, unless an order or tracking word precedes it.
 */
final class NumberFinder {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int CONTEXT_BEFORE = 40;
    private static final int CONTEXT_AFTER = 20;

    /** A run of digits in the digits view, with how it was written. */
    record Candidate(int start, int end, String digits, boolean plus, List<Integer> groups, String separators) {}

    /** A number found, in original offsets. */
    record Found(int start, int end, String kind) {}

    private NumberFinder() {}

    static List<Found> find(ContactScan scan) {
        List<Found> ibans = new ArrayList<>();
        findIbans(scan.base, ibans);
        List<Found> found = new ArrayList<>(ibans);
        NormalizedText digits = scan.base.digits();
        if (!hasDigit(digits.value())) {
            return found;
        }
        int next = 0;
        for (Candidate c : candidates(digits.value())) {
            int s = digits.originalStart(c.start);
            int e = digits.originalEnd(c.end);
            while (next < ibans.size() && ibans.get(next).end <= s) {
                next++;
            }
            if (next < ibans.size() && ibans.get(next).start < e) {
                continue;
            }
            String kind = judge(scan, c, s, e);
            if (kind != null) {
                found.add(new Found(s, e, kind));
            }
        }
        return found;
    }

    private static @Nullable String judge(ContactScan scan, Candidate c, int s, int e) {
        int n = c.digits.length();
        ContactScan.Span contact = nearContext(scan, scan.phoneWords, "contact", s, e);
        ContactScan.Span app = nearContext(scan, scan.apps, "", s, e);
        ContactScan.Span other = scan.nearestBefore(scan.phoneWords, "other", s, 25, false);
        ContactScan.Span bank = scan.nearestBefore(scan.bankWords, "", s, 30, false);
        if (bank == null) {
            ContactScan.Span after = scan.nearestAfter(scan.bankWords, "", e, 6);
            bank = after;
        }
        if (!c.plus && bank != null && n >= 8 && n <= 20 && !closer(contact, bank, s) && !closer(app, bank, s)) {
            return "bank_account";
        }
        if (!c.plus && n >= 13 && n <= 19 && luhn(c.digits) && cardPrefix(c.digits) && other == null) {
            return "bank_account";
        }
        if (n < 7 || n > 15 || dateOrTime(c)) {
            return null;
        }
        boolean contextual = (contact != null
                        && !closer(other, contact, s)
                        && !(other != null && contact.payload().endsWith("weak")))
                || app != null;
        boolean spelled = spelled(scan.original, s, e);
        if (c.plus) {
            // a reserved or fictional range ("+44 7700 900…") still counts when a contact word or app says so
            return validInternational(c.digits) || (contextual && possibleInternational(c.digits)) ? "phone" : null;
        }
        boolean trunkLike = c.digits.charAt(0) == '0' || c.digits.charAt(0) == '1';
        if (!contextual && !spelled && (other != null || !(trunkLike || phoneGrouping(c)))) {
            // nothing around the run could make it a phone number: skip parsing it
            return null;
        }
        for (String region : scan.regions) {
            Phonenumber.PhoneNumber number = parse(c.digits, region);
            if (number == null || !PHONES.isValidNumberForRegion(number, region)) {
                continue;
            }
            if (contextual || spelled) {
                return "phone";
            }
            String trunk = PHONES.getNddPrefixForRegion(region, true);
            boolean trunkPrefix = trunk != null && !trunk.isEmpty() && c.digits.startsWith(trunk);
            if ((trunkPrefix || phoneGrouping(c)) && other == null) {
                return "phone";
            }
        }
        if (contextual || spelled) {
            // a contact word or app says it is a number: a valid number of any marketplace region counts
            for (String region : Regions.MARKETPLACE) {
                Phonenumber.PhoneNumber number = scan.regions.contains(region) ? null : parse(c.digits, region);
                if (number != null && PHONES.isValidNumberForRegion(number, region)) {
                    return "phone";
                }
            }
        }
        if ((contextual || spelled) && other == null && validInternational(c.digits)) {
            // a country code written without its plus: "6281234567890"
            return "phone";
        }
        return null;
    }

    private static boolean closer(ContactScan.@Nullable Span a, ContactScan.Span b, int start) {
        return a != null && a.end() > b.end() && a.end() <= start;
    }

    private static ContactScan.@Nullable Span nearContext(
            ContactScan scan, List<ContactScan.Span> spans, String payload, int s, int e) {
        ContactScan.Span before = scan.nearestBefore(spans, payload, s, CONTEXT_BEFORE, false);
        if (before != null && !scan.negatedAt(before.start())) {
            return before;
        }
        ContactScan.Span after = scan.nearestAfter(spans, payload, e, CONTEXT_AFTER);
        return after != null && !scan.negatedAt(after.start()) ? after : null;
    }

    private static boolean spelled(String original, int s, int e) {
        for (int k = s; k < e; k++) {
            char c = original.charAt(k);
            if (Character.isLetter(c) && !(c >= 0xFF10 && c <= 0xFF19)) {
                return true;
            }
        }
        return false;
    }

    private static boolean validInternational(String digits) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse("+" + digits, "ZZ");
            return PHONES.isValidNumber(number);
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static boolean possibleInternational(String digits) {
        try {
            return PHONES.isPossibleNumber(PHONES.parse("+" + digits, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static Phonenumber.@Nullable PhoneNumber parse(String digits, String region) {
        try {
            return PHONES.parse(digits, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Groups of 2 to 5 digits (the first may have 1 to 5), at least two of them, as people write phone numbers. */
    private static boolean phoneGrouping(Candidate c) {
        List<Integer> g = c.groups;
        if (g.size() < 2 || g.size() > 5) {
            return false;
        }
        for (int k = 0; k < g.size(); k++) {
            int len = g.get(k);
            if (len > 5 || (k > 0 && len < 2)) {
                return false;
            }
        }
        return true;
    }

    private static boolean dateOrTime(Candidate c) {
        List<Integer> g = c.groups;
        if (c.separators.indexOf('.') >= 0 || c.separators.indexOf(':') >= 0) {
            boolean small = g.stream().allMatch(len -> len <= 2);
            if (small) {
                return true;
            }
        }
        if (g.size() == 3 && c.separators.indexOf(' ') < 0) {
            return (g.get(0) == 4 && g.get(1) <= 2 && g.get(2) <= 2)
                    || (g.get(0) <= 2 && g.get(1) <= 2 && g.get(2) == 4);
        }
        return false;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int k = digits.length() - 1; k >= 0; k--) {
            int d = digits.charAt(k) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** Issuer prefixes with their lengths: Visa, Mastercard, Amex, Discover, JCB, UnionPay, Diners. */
    static boolean cardPrefix(String d) {
        int len = d.length();
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p4 = Integer.parseInt(d.substring(0, 4));
        if (d.charAt(0) == '4') {
            return len == 13 || len == 16 || len == 19;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return len == 16;
        }
        if (p2 == 34 || p2 == 37) {
            return len == 15;
        }
        if (p4 == 6011 || p2 == 65 || (p4 >= 6440 && p4 <= 6499)) {
            return len >= 16;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return len >= 16;
        }
        if (p2 == 62) {
            return len >= 16;
        }
        if (p2 == 36 || p2 == 38 || (p4 >= 3000 && p4 <= 3059)) {
            return len >= 14 && len <= 16;
        }
        return false;
    }

    /** Runs of digits with separators people put in numbers, not glued to letters, in the digits view. */
    static List<Candidate> candidates(String v) {
        List<Candidate> out = new ArrayList<>();
        int n = v.length();
        int i = 0;
        while (i < n) {
            char c = v.charAt(i);
            boolean opener =
                    (c == '+' || c == '(') && i + 1 < n && (isDigit(v.charAt(i + 1)) || v.charAt(i + 1) == ' ');
            if (!isDigit(c) && !opener) {
                i++;
                continue;
            }
            int start = i;
            boolean plus = c == '+';
            if (!isDigit(c)) {
                i++;
                while (i < n && v.charAt(i) == ' ') {
                    i++;
                }
                if (i >= n || !isDigit(v.charAt(i))) {
                    continue;
                }
            }
            StringBuilder digits = new StringBuilder();
            StringBuilder seps = new StringBuilder();
            List<Integer> groups = new ArrayList<>();
            int end;
            while (true) {
                int g = i;
                while (i < n && isDigit(v.charAt(i))) {
                    digits.append(v.charAt(i));
                    i++;
                }
                groups.add(i - g);
                end = i;
                int sepStart = i;
                while (i < n && i - sepStart < 3 && isSeparator(v.charAt(i))) {
                    i++;
                }
                if (i > sepStart && i < n && isDigit(v.charAt(i)) && digits.length() < 24) {
                    seps.append(v, sepStart, i);
                    continue;
                }
                break;
            }
            if (end < n && v.charAt(end) == ')') {
                end++;
            }
            i = Math.max(end, start + 1);
            if (glued(v, start, end)) {
                continue;
            }
            out.add(new Candidate(start, end, digits.toString(), plus, List.copyOf(groups), seps.toString()));
        }
        return out;
    }

    private static boolean glued(String v, int start, int end) {
        if (start > 0) {
            char b = v.charAt(start - 1);
            if ((b >= 'a' && b <= 'z')
                    || b == '_'
                    || b == '$'
                    || b == '#'
                    || b == '€'
                    || b == '£'
                    || b == '¥'
                    || b == '฿'
                    || b == '₫'
                    || b == '/'
                    || b == ':'
                    || b == '.'
                    || b == ','
                    || b == '-'
                    || b == '+'
                    || Character.isDigit(b)
                    || (Character.isLetter(b)
                            && !ContactScan.isUnspaced(b)
                            && b > 0x7F
                            && Character.UnicodeScript.of(b) == Character.UnicodeScript.LATIN)) {
                return true;
            }
        }
        if (end < v.length()) {
            char a = v.charAt(end);
            if ((a >= 'a' && a <= 'z')
                    || a == '%'
                    || a == '°'
                    || a == ':'
                    || a == '/'
                    || a == '₫'
                    || a == '_'
                    || (a == '.' && end + 1 < v.length() && isDigit(v.charAt(end + 1)))
                    || (a == ',' && end + 1 < v.length() && isDigit(v.charAt(end + 1)))
                    || (Character.isLetter(a)
                            && a > 0x7F
                            && Character.UnicodeScript.of(a) == Character.UnicodeScript.LATIN)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String v) {
        for (int k = 0; k < v.length(); k++) {
            if (isDigit(v.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
    }

    /** IBANs: two letters, two check digits and up to 30 letters and digits, grouped or not, passing mod 97. */
    private static void findIbans(NormalizedText base, List<Found> found) {
        String v = base.value();
        int n = v.length();
        for (int i = 0; i + 4 < n; i++) {
            if (!(isLetter(v.charAt(i))
                    && isLetter(v.charAt(i + 1))
                    && isDigit(v.charAt(i + 2))
                    && isDigit(v.charAt(i + 3)))) {
                continue;
            }
            if (i > 0 && Character.isLetterOrDigit(v.charAt(i - 1))) {
                continue;
            }
            StringBuilder iban = new StringBuilder();
            List<int[]> groupEnds = new ArrayList<>();
            int k = i;
            while (k < n && iban.length() < 34) {
                char c = v.charAt(k);
                if (isLetter(c) || isDigit(c)) {
                    iban.append(c);
                    k++;
                    if (k >= n || !(isLetter(v.charAt(k)) || isDigit(v.charAt(k)))) {
                        groupEnds.add(new int[] {iban.length(), k});
                    }
                } else if (c == ' '
                        && k + 1 < n
                        && (isLetter(v.charAt(k + 1)) || isDigit(v.charAt(k + 1)))
                        && (k - i) % 5 == 4) {
                    k++;
                } else {
                    break;
                }
            }
            // the longest prefix ending at a group that passes the check: "…1332 y te lo envío" ends before "y"
            for (int g = groupEnds.size() - 1; g >= 0; g--) {
                int len = groupEnds.get(g)[0];
                if (len >= 15 && mod97(iban.substring(0, len))) {
                    int end = groupEnds.get(g)[1];
                    found.add(new Found(base.originalStart(i), base.originalEnd(end), "bank_account"));
                    i = end;
                    break;
                }
            }
        }
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int k = 0; k < rearranged.length(); k++) {
            char c = rearranged.charAt(k);
            if (isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'a' + 10)) % 97;
            }
        }
        return remainder == 1;
    }
}
