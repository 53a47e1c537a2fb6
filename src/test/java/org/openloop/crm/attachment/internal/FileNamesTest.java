package org.openloop.crm.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOrdinaryNamesIncludingChinese() {
        assertThat(FileNames.sanitise("报价单 2026.pdf")).isEqualTo("报价单 2026.pdf");
        assertThat(FileNames.sanitise("Letter of intent (v2).docx")).isEqualTo("Letter of intent (v2).docx");
    }

    @Test
    void dropsPathParts() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\zhang\\合同.pdf")).isEqualTo("合同.pdf");
        assertThat(FileNames.sanitise("/var/tmp/")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise("..")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void stripsControlAndBidiCharacters() {
        assertThat(FileNames.sanitise("a\u0000b\u0007c.txt")).isEqualTo("abc.txt");
        assertThat(FileNames.sanitise("line\r\nbreak.txt")).isEqualTo("line break.txt");
        // U+202E RIGHT-TO-LEFT OVERRIDE would make "exe.pdf" display as "fdp.exe"
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitise("zero\u200Bwidth.png")).isEqualTo("zerowidth.png");
    }

    @Test
    void replacesCharactersWindowsCannotSaveAndTrims() {
        assertThat(FileNames.sanitise("  what?*<x>|\"y\":z.txt  ")).isEqualTo("what___x___y__z.txt");
        assertThat(FileNames.sanitise(".hidden.txt")).isEqualTo("hidden.txt");
        assertThat(FileNames.sanitise("name.pdf. . ")).isEqualTo("name.pdf");
        assertThat(FileNames.sanitise("a\tb    c.txt")).isEqualTo("a b c.txt");
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise("")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise("\u0001\u0002")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void limitsTheLengthButKeepsTheExtension() {
        String name = FileNames.sanitise("很".repeat(300) + ".xlsx");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).endsWith("很.xlsx");
        // Characters outside the BMP are never cut in half.
        String emoji = FileNames.sanitise("\uD83D\uDE00".repeat(250) + ".txt");
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(emoji).endsWith("\uD83D\uDE00.txt");
    }

    @Test
    void extensionIsLowerCaseWithoutTheDot() {
        assertThat(FileNames.extension("Scan.JPG")).isEqualTo("jpg");
        assertThat(FileNames.extension("archive.tar.gz")).isEqualTo("gz");
        assertThat(FileNames.extension("README")).isEmpty();
        assertThat(FileNames.extension("trailing.")).isEmpty();
    }
}
