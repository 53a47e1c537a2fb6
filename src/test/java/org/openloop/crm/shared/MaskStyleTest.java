package org.openloop.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@DisplayName("A4 sensitive fields are masked for users without the right")
class MaskStyleTest {

    record Contact(String name, @Sensitive(MaskStyle.PHONE) String phone, @Sensitive(MaskStyle.EMAIL) String email,
            @Sensitive(MaskStyle.AMOUNT) java.math.BigDecimal amount) {
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName("mainland mobile keeps the first three and last four digits: 138****5678")
    void masksPhone() {
        assertThat(MaskStyle.PHONE.mask("13812345678")).isEqualTo("138****5678");
        assertThat(MaskStyle.PHONE.mask("+86 138-1234-5678")).isEqualTo("+86****5678");
        assertThat(MaskStyle.PHONE.mask("12345")).isEqualTo(MaskStyle.HIDDEN);
    }

    @Test
    @DisplayName("e-mail keeps the first letter and the domain: z***@example.com")
    void masksEmail() {
        assertThat(MaskStyle.EMAIL.mask("zhang@example.com")).isEqualTo("z***@example.com");
        assertThat(MaskStyle.EMAIL.mask("not-an-address")).isEqualTo(MaskStyle.HIDDEN);
    }

    @Test
    @DisplayName("a record is masked field by field for a user without sensitive:view; non-text values become null")
    void masksRecordForOrdinaryUser() {
        signInWith("customer:view");
        Contact masked = SensitiveData.mask(new Contact("张三", "13812345678", "zhang@example.com",
                new java.math.BigDecimal("100.00")));
        assertThat(masked).isEqualTo(new Contact("张三", "138****5678", "z***@example.com", null));
    }

    @Test
    @DisplayName("a user with sensitive:view sees the values unmasked")
    void keepsValuesForPrivilegedUser() {
        signInWith(Authorities.VIEW_SENSITIVE);
        Contact contact = new Contact("张三", "13812345678", "zhang@example.com", java.math.BigDecimal.ONE);
        assertThat(SensitiveData.mask(contact)).isSameAs(contact);
    }

    @Test
    @DisplayName("nobody signed in means masked (fail closed)")
    void anonymousIsMasked() {
        assertThat(SensitiveData.mask(MaskStyle.PHONE, "13812345678")).isEqualTo("138****5678");
    }

    private static void signInWith(String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "user", null, AuthorityUtils.createAuthorityList(authorities)));
    }
}
