package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CompanyNamesTest {

    @ParameterizedTest
    @ValueSource(strings = { "A科技公司", "A科技有限公司", "Ａ科技（北京）有限公司", "a 科技 股份有限公司", "A科技 Co., Ltd.",
            "A科技集团有限公司", "【A】A科技" })
    @DisplayName("B6: width, case, spaces, brackets and legal-form suffixes do not make a different company")
    void sameCompany(String name) {
        assertThat(CompanyNames.key(name)).isEqualTo("a科技");
    }

    @Test
    @DisplayName("B6: different companies keep different keys, and a name that is only a suffix is kept")
    void differentCompanies() {
        assertThat(CompanyNames.key("B制造企业")).isNotEqualTo(CompanyNames.key("A科技公司"));
        assertThat(CompanyNames.key("公司")).isEqualTo("公司");
        assertThat(CompanyNames.key("Acme Inc.")).isEqualTo("acme");
        assertThat(CompanyNames.key(null)).isNull();
    }
}
