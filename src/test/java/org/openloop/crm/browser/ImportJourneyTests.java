package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/** Importing customers in the browser (B9): upload a CSV, check the mapping, run it, read the counts. */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class ImportJourneyTests {

    @Autowired
    Api api;

    @Test
    @DisplayName("B9 sales1 opens the import from the customer list, uploads a CSV, keeps the recognised mapping, runs it and gets the counts and report")
    void uploadMapRun(Page page) {
        String u = TestData.unique();
        String csv = "\uFEFF客户名称,电话,联系人姓名\r\n旅程导入" + u + "有限公司," + TestData.uniqueMobile() + ",周六\r\n"
                + "旅程坏行" + u + ",12345,\r\n";
        signIn(page, api, "sales1");
        page.navigate(api.baseUrl() + "/customers");
        page.getByTestId("customer-import").click();
        assertThat(page).hasURL(Pattern.compile(".*/imports/customer$"));
        page.getByTestId("import-file").setInputFiles(new FilePayload("客户.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("import-upload").click();
        assertThat(page).hasURL(Pattern.compile(".*/mapping$"));
        assertThat(page.getByTestId("import-map-name")).hasValue("客户名称");
        assertThat(page.getByTestId("import-map-phone")).hasValue("电话");
        assertThat(page.getByTestId("import-map-contactName")).hasValue("联系人姓名");
        page.getByTestId("import-start").click();
        assertThat(page.getByTestId("import-status")).hasText("Finished");
        assertThat(page.getByTestId("import-created")).hasText("1");
        assertThat(page.getByTestId("import-errors")).hasText("1");
        assertThat(page.getByTestId("import-report")).isVisible();
        scriptsReady(page);
        Download download = page.waitForDownload(() -> page.getByTestId("import-report").click());
        assertThat(page.getByTestId("import-report")).isVisible();
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".xlsx");
        page.getByTestId("import-details").click();
        assertThat(page.getByTestId("import-row")).hasCount(2);
    }
}
