package org.openloop.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("B2 phone numbers: stored as digits, searched by their digits however they are written")
class PhoneNumbersTest {

    @Test
    @DisplayName("a search written like a phone number looks for its digits, as the numbers are stored")
    void searchesPhoneLikeTextByItsDigits() {
        assertThat(PhoneNumbers.searchable("021-6234 5678")).isEqualTo("02162345678");
        assertThat(PhoneNumbers.searchable("138 0013")).isEqualTo("1380013");
        assertThat(PhoneNumbers.searchable("（010）１２３４")).isEqualTo("0101234");
        assertThat(PhoneNumbers.searchable("+86 138")).isEqualTo("+86138");
        assertThat(PhoneNumbers.searchable("0013")).isEqualTo("0013");
    }

    @Test
    @DisplayName("other text is searched as written")
    void leavesOtherTextAlone() {
        assertThat(PhoneNumbers.searchable("A科技")).isEqualTo("A科技");
        assertThat(PhoneNumbers.searchable("room 12")).isEqualTo("room 12");
        assertThat(PhoneNumbers.searchable("--")).isEqualTo("--");
        assertThat(PhoneNumbers.searchable(null)).isNull();
    }

    @Test
    @DisplayName("numbers are stored without their formatting")
    void normalisesForStorage() {
        assertThat(PhoneNumbers.normalise(" 010-6234 5678 ")).isEqualTo("01062345678");
        assertThat(PhoneNumbers.normalise("１３８００１３８０００")).isEqualTo("13800138000");
        assertThat(PhoneNumbers.isValid("0755 1234 5678")).isTrue();
        assertThat(PhoneNumbers.isValid("12345")).isFalse();
    }
}
