package dev.parley.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.messaging.VerdictView.ViolationView;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    private static ViolationView v(String rule, String action, Integer start, Integer end) {
        return new ViolationView(rule, "3.4", null, action, start, end, null);
    }

    @Test
    void marksExactlyTheFlaggedCharactersOfTheOriginalText() {
        String text = "Mail me at a@b.co now";
        List<Highlights.Piece> pieces = Highlights.pieces(text, List.of(v("off_platform_contact", "BLOCK", 11, 17)));
        assertThat(pieces).extracting(Highlights.Piece::text).containsExactly("Mail me at ", "a@b.co", " now");
        assertThat(pieces).extracting(Highlights.Piece::action).containsExactly("", "BLOCK", "");
        assertThat(pieces.get(1).css()).isEqualTo("hl hl-block");
        assertThat(String.join("", pieces.stream().map(Highlights.Piece::text).toList()))
                .isEqualTo(text);
    }

    @Test
    void overlappingFindingsSplitAtEveryEdgeAndTakeTheMostSevereAction() {
        String text = "abcdefghij";
        List<Highlights.Piece> pieces = Highlights.pieces(
                text, List.of(v("misleading_claim", "WARN", 1, 6), v("prohibited_use", "HOLD", 4, 8)));
        assertThat(pieces).extracting(Highlights.Piece::text).containsExactly("a", "bcd", "ef", "gh", "ij");
        assertThat(pieces).extracting(Highlights.Piece::action).containsExactly("", "WARN", "HOLD", "HOLD", "");
        assertThat(pieces.get(2).rules()).containsExactly("misleading_claim", "prohibited_use");
    }

    @Test
    void findingsWithoutOffsetsOrOutsideTheTextAreLeftOut() {
        String text = "hello";
        List<Highlights.Piece> pieces = Highlights.pieces(
                text,
                List.of(
                        v("malware", "HOLD", null, null),
                        v("x", "BLOCK", 3, 99),
                        v("y", "BLOCK", -1, 2),
                        v("z", "BLOCK", 2, 2)));
        assertThat(pieces).containsExactly(new Highlights.Piece("hello", "", List.of()));
    }

    @Test
    void markupInTheTextStaysTextInThePieces() {
        String text = "<b>x</b> at a@b.co";
        List<Highlights.Piece> pieces = Highlights.pieces(text, List.of(v("off_platform_contact", "BLOCK", 12, 18)));
        assertThat(pieces.getFirst().text()).isEqualTo("<b>x</b> at ");
    }
}
