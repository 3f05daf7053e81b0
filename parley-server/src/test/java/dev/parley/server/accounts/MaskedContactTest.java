package dev.parley.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedContactTest {

    @Test
    void namesKeepTheFirstLetterOfEachWord() {
        assertThat(MaskedContact.maskName("Buyer One")).isEqualTo("B••• O•••");
        assertThat(MaskedContact.maskName("陳大文")).isEqualTo("陳•••");
        assertThat(MaskedContact.maskName("  ")).isNull();
    }

    @Test
    void emailsKeepTheFirstLetterAndTheDomain() {
        assertThat(MaskedContact.maskEmail("buyer1@example.com")).isEqualTo("b••••@example.com");
        assertThat(MaskedContact.maskEmail("no-at-sign")).isEqualTo("••••••");
        assertThat(MaskedContact.maskEmail(null)).isNull();
    }

    @Test
    void phonesKeepTheirShapeAndLastTwoDigits() {
        assertThat(MaskedContact.maskPhone("+65 8123 4567")).isEqualTo("+•• •••• ••67");
        assertThat(MaskedContact.maskPhone("+886 912 345 678")).isEqualTo("+••• ••• ••• •78");
    }
}
