package org.openloop.crm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.openloop.crm.browser.Journeys.scriptsReady;
import static org.openloop.crm.browser.Journeys.signIn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.Api;
import org.openloop.crm.testkit.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;

/** A rep records an interaction with a to-do from the customer page; the to-do becomes a task in "my tasks" and the calendar. */
@CrmIntegrationTest
@ExtendWith(BrowserSupport.class)
class ActivityJourneyTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    Api api;

    @Test
    @DisplayName("C1/D1/D5 sales1 records a visit with a to-do on the customer page; the task shows in my tasks and the calendar, and moves by drag and drop")
    void interactionToTaskToCalendar(Browser browser) {
        String name = "沟通旅程" + TestData.unique();
        String customerId = TestData.createCustomer(api, "sales1", Map.of("name", name)).get("id").asString();
        String todo = "发送报价单" + TestData.unique();
        // a day of its own within the two weeks "my tasks" shows: other tests' to-dos (due at 18:00 a day or two
        // ahead) would otherwise crowd the same calendar cell as this task
        LocalDate due = LocalDate.now(ZONE).plusDays(3 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10));

        Page page = BrowserSupport.newPage(browser, "en-US");
        try {
            signIn(page, api, "sales1");
            page.navigate(api.baseUrl() + "/customers/" + customerId);
            page.getByTestId("customer-record-interaction").click();
            assertThat(page.getByTestId("interaction-form")).isVisible();
            page.getByTestId("field-channel").selectOption("VISIT");
            page.getByTestId("field-subject").fill("上门拜访");
            page.getByTestId("field-summary").fill("演示了产品");
            page.getByTestId("todo-text-0").fill(todo);
            page.getByTestId("todo-due-0").fill(due.toString());
            page.getByTestId("field-createTasks").check();
            page.getByTestId("form-submit").click();

            assertThat(page).hasURL(Pattern.compile(".*/interactions/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("flash-success")).isVisible();
            assertThat(page.getByTestId("interaction-todo")).containsText(todo);
            page.getByTestId("todo-task-link").click();
            assertThat(page).hasURL(Pattern.compile(".*/tasks/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("detail-title")).hasText(todo);
            assertThat(page.getByTestId("task-customer")).hasText(name);
            String taskId = page.url().substring(page.url().lastIndexOf('/') + 1);

            // the customer's interactions tab lists it
            page.navigate(api.baseUrl() + "/customers/" + customerId);
            scriptsReady(page);
            page.getByTestId("tab-interactions").click();
            assertThat(page.getByTestId("panel-interaction")).containsText("上门拜访");

            page.getByTestId("nav-tasks").click();
            assertThat(page.getByTestId("my-tasks-upcoming")).containsText(todo);

            page.navigate(api.baseUrl() + "/calendar?view=week&date=" + due);
            scriptsReady(page);
            var card = page.getByTestId("calendar-task").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(todo));
            assertThat(card).isVisible();

            // drag it one day later, same hour
            LocalDate target = due.plusDays(1).getDayOfWeek() == java.time.DayOfWeek.MONDAY ? due.minusDays(1)
                    : due.plusDays(1);
            dragByMouse(page, card, page.locator("[data-drop-date='" + target + "'][data-drop-hour='18']"));
            long deadline = System.currentTimeMillis() + 15_000;
            while (!dueDate(taskId).equals(target.toString())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the move was not stored: due " + dueDate(taskId) + ", wanted " + target
                            + "; page says \"" + page.getByTestId("calendar-message").textContent() + "\"; task "
                            + api.get("/api/v1/tasks/" + taskId).as("sales1").send().text() + "; card "
                            + card.evaluate("c => c.outerHTML"));
                }
                page.waitForTimeout(200);
            }
            // the calendar reloads itself after a move: the card stands in its new cell once that is done
            assertThat(page.locator("[data-drop-date='" + target + "'][data-drop-hour='18']")
                    .getByTestId("calendar-task").filter(new com.microsoft.playwright.Locator.FilterOptions()
                            .setHasText(todo))).isVisible();
            page.waitForLoadState();
            page.navigate(api.baseUrl() + "/calendar?view=day&date=" + target);
            assertThat(page.getByTestId("calendar-task").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(todo))).isVisible();
        }
        finally {
            page.context().close();
        }
    }

    /**
     * Drags as a hand does: press on the card, move over the target cell in several steps, release. Chromium only
     * fires {@code dragover} (which the page needs to accept the drop) after more than one move over the target, and
     * a single jump — or a scroll while the button is down — sometimes leaves the drop unfired.
     */
    private static void dragByMouse(Page page, com.microsoft.playwright.Locator card,
            com.microsoft.playwright.Locator cell) {
        cell.scrollIntoViewIfNeeded();
        card.scrollIntoViewIfNeeded();
        var from = card.boundingBox();
        var to = cell.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse().move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, new Mouse.MoveOptions().setSteps(3));
        page.mouse().move(to.x + to.width / 2, to.y + to.height / 2, new Mouse.MoveOptions().setSteps(10));
        page.mouse().move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 2, new Mouse.MoveOptions().setSteps(2));
        page.mouse().up();
    }

    private String dueDate(String taskId) {
        Instant due = Instant.parse(api.get("/api/v1/tasks/" + taskId).as("sales1").send().json().get("dueAt").asString());
        return LocalDate.ofInstant(due, ZONE).toString();
    }
}
