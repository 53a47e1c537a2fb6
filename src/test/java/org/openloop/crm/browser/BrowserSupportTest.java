package org.openloop.crm.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

@DisplayName("crm.browser: auto skips browser tests without Chromium, required fails them")
class BrowserSupportTest {

    static final Path MISSING = Path.of("/nonexistent/chromium");
    static final Path PRESENT = Path.of("/bin/sh");

    @Test
    @DisplayName("required + no Chromium → failure naming the path")
    void requiredFails() {
        assertThatThrownBy(() -> BrowserSupport.require("required", MISSING)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("/nonexistent/chromium");
    }

    @Test
    @DisplayName("auto + no Chromium → skipped with a message")
    void autoSkips() {
        assertThatThrownBy(() -> BrowserSupport.require("auto", MISSING)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("skipped");
    }

    @Test
    @DisplayName("Chromium present → runs in either mode; an unknown mode fails")
    void presentRuns() {
        assertThatCode(() -> BrowserSupport.require("required", PRESENT)).doesNotThrowAnyException();
        assertThatCode(() -> BrowserSupport.require("auto", PRESENT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BrowserSupport.require("sometimes", PRESENT))
                .isInstanceOf(AssertionFailedError.class);
    }
}
