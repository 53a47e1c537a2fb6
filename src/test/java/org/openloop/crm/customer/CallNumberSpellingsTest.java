package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The spellings a call's number is matched under (C4). */
class CallNumberSpellingsTest {

    @Test
    void mobileInEveryForm() {
        for (String number : new String[] { "13812345678", "+86 138 1234 5678", "008613812345678", "8613812345678",
                "１３８－１２３４－５６７８" }) {
            assertThat(ContactDirectory.spellings(number)).as(number).contains("13812345678", "+8613812345678");
        }
    }

    @Test
    void landlineWithAndWithoutTrunkZero() {
        for (String number : new String[] { "010-61234567", "+86 10 6123 4567", "0086 10 61234567" }) {
            assertThat(ContactDirectory.spellings(number)).as(number).contains("01061234567", "+861061234567");
        }
    }

    @Test
    void foreignNumbersOnlyAsTheyAre() {
        assertThat(ContactDirectory.spellings("+852 2123 4567")).containsExactly("+85221234567");
        assertThat(ContactDirectory.spellings("12")).isEmpty();
        assertThat(ContactDirectory.spellings(null)).isEmpty();
    }
}
