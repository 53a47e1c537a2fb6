package org.openloop.crm.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openloop.crm.importing.ImportColumn;

/** Reading import files without Spring: encoding detection, cleaning, and the xlsx safety limits. */
class ImportFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("B9 encoding: UTF-8 with or without BOM, GBK when strict UTF-8 decoding fails, a cut character is no error")
    void detection() throws IOException {
        assertThat(ImportFiles.detect(write("a.csv", "\uFEFF名称\n甲".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(ImportFiles.detect(write("b.csv", "名称\n甲".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(ImportFiles.detect(write("c.csv", "名称\n甲".getBytes(Charset.forName("GBK")))))
                .isEqualTo(ImportFiles.GBK);
        byte[] chinese = "名".repeat(30_000).getBytes(StandardCharsets.UTF_8);
        // 64 KiB is not a multiple of 3: the first chunk ends inside a character
        assertThat(ImportFiles.looksLikeUtf8(java.util.Arrays.copyOf(chinese, 65_536), false)).isTrue();
        assertThat(ImportFiles.looksLikeUtf8(java.util.Arrays.copyOf(chinese, 65_536), true)).isFalse();
    }

    @Test
    @DisplayName("B9 CSV rows come with their file row number; empty lines are left out; the BOM is not part of the header")
    void csvRows() throws Exception {
        Path file = write("rows.csv", "\uFEFF客户名称,电话\r\n甲,1\r\n\r\n\"乙,丙\",2\r\n".getBytes(StandardCharsets.UTF_8));
        ImportFiles.Inspection inspection = ImportFiles.inspect(file, ImportFiles.Format.CSV, StandardCharsets.UTF_8,
                10);
        assertThat(inspection.headers()).containsExactly("客户名称", "电话");
        assertThat(inspection.rows()).isEqualTo(2);
        List<String> seen = new ArrayList<>();
        ImportFiles.read(file, ImportFiles.Format.CSV, StandardCharsets.UTF_8,
                (number, cells) -> seen.add(number + ":" + cells));
        assertThat(seen).containsExactly("2:[甲, 1]", "3:[乙,丙, 2]");
        assertThatThrownBy(() -> ImportFiles.inspect(file, ImportFiles.Format.CSV, StandardCharsets.UTF_8, 1))
                .isInstanceOf(ImportFiles.TooManyRows.class);
    }

    @Test
    @DisplayName("B9 cleaning: trim (also ideographic spaces), NFKC for names, phones normalised only when valid, e-mails lower-cased")
    void cleaning() {
        assertThat(Cleaning.clean("\u3000 Ａ科技（北京） ", ImportColumn.Cleaning.FOLDED)).isEqualTo("A科技(北京)");
        assertThat(Cleaning.clean("１３８ １２３４ ５６７８", ImportColumn.Cleaning.PHONE)).isEqualTo("13812345678");
        assertThat(Cleaning.clean("１２３", ImportColumn.Cleaning.PHONE)).isEqualTo("123");
        assertThat(Cleaning.clean("abc", ImportColumn.Cleaning.PHONE)).as("stays invalid, is not emptied")
                .isEqualTo("abc");
        assertThat(Cleaning.clean(" Ｌｉ@Example.com ", ImportColumn.Cleaning.EMAIL)).isEqualTo("li@example.com");
        assertThat(Cleaning.clean("   ", ImportColumn.Cleaning.TEXT)).isNull();
        assertThat(Cleaning.headerKey("客户名称 *")).isEqualTo(Cleaning.headerKey("客户名称"));
        assertThat(Cleaning.headerKey("Contact E-mail")).isEqualTo(Cleaning.headerKey("contactemail"));
    }

    @Test
    @DisplayName("B9 xlsx zip bomb: an entry inflating beyond the minimum ratio stops the read")
    void zipBomb() throws IOException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData>" + " ".repeat(20_000_000) + "</sheetData></worksheet>";
        Path file = write("bomb.xlsx", minimalXlsx(sheet));
        assertThatThrownBy(() -> ImportFiles.inspect(file, ImportFiles.Format.XLSX, null, 10))
                .isInstanceOf(ImportFiles.UnreadableFile.class)
                .satisfies(e -> assertThat(rootMessages(e)).containsIgnoringCase("zip bomb"));
    }

    @Test
    @DisplayName("B9 xlsx with a DOCTYPE (external entity) is refused by POI's parser; nothing is resolved")
    void doctypeRefused() throws IOException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row>"
                + "</sheetData></worksheet>";
        Path file = write("xxe.xlsx", minimalXlsx(sheet));
        assertThatThrownBy(() -> ImportFiles.inspect(file, ImportFiles.Format.XLSX, null, 10))
                .isInstanceOf(ImportFiles.UnreadableFile.class)
                .satisfies(e -> assertThat(rootMessages(e)).containsIgnoringCase("DOCTYPE"));
    }

    private static String rootMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** The smallest package POI's event reader accepts, with the given sheet XML. */
    private static byte[] minimalXlsx(String sheet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                    + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override "
                    + "PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                    + "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
                    + "xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas"
                    + ".openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "</sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\""
                    + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", sheet);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
