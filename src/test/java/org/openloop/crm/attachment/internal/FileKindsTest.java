package org.openloop.crm.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The content-type decision on real magic bytes. */
class FileKindsTest {

    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0,
            0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89);
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] HTML = "<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] SVG = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
            + "</svg>").getBytes(StandardCharsets.UTF_8);
    static final byte[] JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);
    static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);

    private final FileKinds kinds = new FileKinds(List.of("pdf", "png", "jpeg", "gif", "webp", "txt", "csv", "docx",
            "xlsx", "pptx", "doc", "xls", "zip"));

    @Test
    void realFilesAreAccepted() throws IOException {
        assertThat(decide("logo.png", PNG)).isTrue();
        assertThat(decide("合同.PDF", PDF)).isTrue();
        assertThat(decide("photo.jpg", JPEG)).isTrue();
        assertThat(decide("photo.jpeg", JPEG)).isTrue();
        assertThat(decide("anim.gif", GIF)).isTrue();
        assertThat(decide("notes.txt", "会议纪要：下周二签约。\nline 2\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(decide("list.csv", "\uFEFFname,phone\n张三,13800000000\n".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }

    @Test
    void officeDocumentsAreRecognisedByTheirContainer() throws IOException {
        assertThat(decide("report.xlsx", xlsx())).isTrue();
        assertThat(decide("letter.docx", docx())).isTrue();
        assertThat(decide("old.xls", xls())).isTrue();
        assertThat(decide("bundle.zip", xlsx())).isTrue();
        // A legacy Excel file renamed .xlsx is not a zip container.
        assertThat(decide("old.xlsx", xls())).isFalse();
    }

    @Test
    void htmlOrSvgDisguisedAsAnImageOrTextIsRefused() throws IOException {
        assertThat(sniff(HTML)).isEqualTo("text/html");
        assertThat(decide("invoice.png", HTML)).isFalse();
        assertThat(decide("invoice.txt", HTML)).isFalse();
        assertThat(decide("logo.png", SVG)).isFalse();
        assertThat(decide("logo.gif", SVG)).isFalse();
    }

    @Test
    void contentMustAgreeWithTheExtension() throws IOException {
        assertThat(decide("scan.pdf", PNG)).isFalse();
        assertThat(decide("logo.png", PDF)).isFalse();
        assertThat(decide("logo.png", JPEG)).isFalse();
        assertThat(decide("readme.txt", PNG)).isFalse();
        assertThat(decide("script.txt", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(decide("program.pdf", bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0))).isFalse();
    }

    @Test
    void onlyConfiguredExtensionsAreKnown() {
        assertThat(kinds.forName("setup.exe")).isEmpty();
        assertThat(kinds.forName("page.html")).isEmpty();
        assertThat(kinds.forName("logo.svg")).isEmpty();
        assertThat(kinds.forName("noextension")).isEmpty();
        assertThat(new FileKinds(List.of("pdf")).forName("a.png")).isEmpty();
        assertThat(new FileKinds(List.of("pdf", " jpeg ")).extensions()).containsExactly("pdf", "jpg", "jpeg");
        assertThatThrownBy(() -> new FileKinds(List.of("pdf", "exe"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exe");
    }

    @Test
    void sniffingLeavesTheStreamWhereItWas() throws IOException {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(PDF), FileKinds.sniffLength() + 1);
        assertThat(FileKinds.sniff(in)).isEqualTo("application/pdf");
        assertThat(in.readAllBytes()).isEqualTo(PDF);
    }

    private boolean decide(String name, byte[] content) throws IOException {
        return kinds.forName(name).map(kind -> {
            try {
                return FileKinds.accepts(kind, sniff(content));
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(false);
    }

    private static String sniff(byte[] content) throws IOException {
        return FileKinds.sniff(new BufferedInputStream(new ByteArrayInputStream(content),
                FileKinds.sniffLength() + 1));
    }

    private static byte[] xlsx() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("客户").createRow(0).createCell(0).setCellValue("示例");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("意向书");
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xls() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("sheet").createRow(0).createCell(0).setCellValue(1);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
