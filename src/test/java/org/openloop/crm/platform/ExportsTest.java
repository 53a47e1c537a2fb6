package org.openloop.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@DisplayName("B9/A6 exports neutralise spreadsheet formulas")
class ExportsTest {

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "＝1+1" })
    @DisplayName("text a spreadsheet would evaluate gets a leading apostrophe")
    void neutralisesFormulas(String value) {
        assertThat(Exports.neutralise(value)).isEqualTo("'" + value);
    }

    @Test
    @DisplayName("ordinary text, including Chinese, is left alone")
    void keepsOrdinaryText() {
        assertThat(Exports.neutralise("A科技公司")).isEqualTo("A科技公司");
        assertThat(Exports.neutralise("")).isEmpty();
    }

    @Test
    @DisplayName("only csv and xlsx are offered")
    void parsesFormats() {
        assertThat(Exports.Format.of("CSV")).isEqualTo(Exports.Format.CSV);
        assertThat(Exports.Format.of(null)).isEqualTo(Exports.Format.XLSX);
        assertThatThrownBy(() -> Exports.Format.of("pdf")).isInstanceOf(IllegalArgumentException.class);
    }
}
