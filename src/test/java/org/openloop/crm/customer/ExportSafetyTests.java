package org.openloop.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** Exports neutralise spreadsheet formulas (B9): a leading = + - @ gets an apostrophe, in CSV and in xlsx. */
@CrmIntegrationTest
class ExportSafetyTests {

    @Autowired
    Api api;

    String marker;
    List<String> names;

    @BeforeEach
    void customersWithFormulaNames() {
        marker = TestData.unique();
        names = List.of("=HYPERLINK(\"http://x/" + marker + "\")", "+1+2 " + marker, "@SUM(1) " + marker,
                "-1 " + marker, "＝1+1 " + marker);
        names.forEach(name -> TestData.createCustomer(api, "manager", Map.of("name", name)));
    }

    @Test
    @DisplayName("B9 CSV export: formula-like names start with an apostrophe")
    void csvNeutralised() {
        Api.Response response = api.get("/api/v1/customers/export?format=csv&q=" + marker).as("manager").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        List<String> exported = new CustomerModule(api, null, null).titlesOfExport(response);
        assertThat(exported).containsExactlyInAnyOrderElementsOf(names.stream().map(n -> "'" + n).toList());
    }

    @Test
    @DisplayName("B9 xlsx export: formula-like names are text cells starting with an apostrophe, never formulas")
    void xlsxNeutralised() throws IOException {
        Api.Response response = api.get("/api/v1/customers/export?format=xlsx&q=" + marker).as("manager").send();
        assertThat(response.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = workbook.getSheetAt(0);
            int nameColumn = -1;
            for (Cell cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals("name")) {
                    nameColumn = cell.getColumnIndex();
                }
            }
            List<String> exported = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Cell cell = sheet.getRow(r).getCell(nameColumn);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                exported.add(cell.getStringCellValue());
            }
            assertThat(exported).containsExactlyInAnyOrderElementsOf(names.stream().map(n -> "'" + n).toList());
        }
    }

    /** All cells of the first sheet as text, row by row. */
    static List<List<String>> readXlsx(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                row.forEach(cell -> values.add(formatter.formatCellValue(cell)));
                rows.add(values);
            }
        }
        return rows;
    }
}
