package org.openloop.crm.activity.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openloop.crm.activity.TaskManagement;
import org.openloop.crm.activity.TaskView;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.organization.OrganizationManagement;
import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.CrmPrincipal;
import org.openloop.crm.shared.DataScope;
import org.openloop.crm.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The calendar (D5): the user's tasks by day, week or month, rendered on the server. A manager picks a member of
 * their team (users their scope covers). Dragging a task to another day or hour posts to {@code /calendar/tasks/{id}/move},
 * which goes through {@link TaskManagement#reschedule} with the version the page was rendered with.
 */
@Controller
class CalendarPages {

    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 20;

    /** A day of the grid with its tasks, and, for day and week views, the tasks per hour slot. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<TaskView> tasks, Map<Integer, List<TaskView>> byHour) {
    }

    private final TaskManagement tasks;
    private final OrganizationManagement organization;
    private final AccessControl access;
    private final MessageSource messages;
    private final ZoneId zone;

    CalendarPages(TaskManagement tasks, OrganizationManagement organization, AccessControl access,
            MessageSource messages, @Value("${crm.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.tasks = tasks;
        this.organization = organization;
        this.access = access;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/calendar")
    String calendar(@RequestParam(defaultValue = "week") String view, @RequestParam(required = false) String date,
            @RequestParam(required = false) UUID userId, Model model) {
        String mode = switch (view) {
            case "day", "week", "month" -> view;
            default -> "week";
        };
        LocalDate anchor = parse(date);
        LocalDate first;
        LocalDate last;
        LocalDate previous;
        LocalDate next;
        switch (mode) {
            case "day" -> {
                first = anchor;
                last = anchor;
                previous = anchor.minusDays(1);
                next = anchor.plusDays(1);
            }
            case "month" -> {
                first = anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                last = anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                previous = anchor.minusMonths(1);
                next = anchor.plusMonths(1);
            }
            default -> {
                first = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                last = first.plusDays(6);
                previous = anchor.minusWeeks(1);
                next = anchor.plusWeeks(1);
            }
        }
        List<TaskView> found = tasks.calendar(userId, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        Map<LocalDate, List<TaskView>> byDate = found.stream()
                .collect(Collectors.groupingBy(t -> LocalDate.ofInstant(t.dueAt(), zone)));
        LocalDate today = LocalDate.now(zone);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            List<TaskView> ofDay = byDate.getOrDefault(d, List.of());
            Map<Integer, List<TaskView>> byHour = ofDay.stream().collect(Collectors.groupingBy(t -> Math.max(FIRST_HOUR,
                    Math.min(LAST_HOUR, LocalDateTime.ofInstant(t.dueAt(), zone).getHour()))));
            days.add(new Day(d, d.getMonth() == anchor.getMonth(), d.equals(today), ofDay, byHour));
        }
        List<List<Day>> weeks = new ArrayList<>();
        for (int i = 0; i < days.size(); i += 7) {
            weeks.add(days.subList(i, Math.min(days.size(), i + 7)));
        }
        model.addAttribute("view", mode);
        model.addAttribute("anchor", anchor);
        model.addAttribute("days", days);
        model.addAttribute("weeks", weeks);
        model.addAttribute("hours", java.util.stream.IntStream.rangeClosed(FIRST_HOUR, LAST_HOUR).boxed().toList());
        model.addAttribute("previous", previous);
        model.addAttribute("next", next);
        model.addAttribute("today", today);
        model.addAttribute("userId", userId);
        model.addAttribute("team", team());
        return "activity/calendar";
    }

    /** Moves a task to {@code date} (and {@code hour}, when dropped on an hour slot), keeping its minutes. */
    @PostMapping(value = "/calendar/tasks/{id}/move", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    ResponseEntity<String> move(@PathVariable UUID id, @RequestParam String date,
            @RequestParam(required = false) Integer hour, @RequestParam Long version) {
        TaskView task = tasks.task(id);
        LocalDateTime due = LocalDateTime.ofInstant(task.dueAt(), zone);
        LocalDate target = parse(date);
        LocalTime time = hour == null ? due.toLocalTime()
                : LocalTime.of(Math.max(0, Math.min(23, hour)), due.getMinute());
        try {
            tasks.reschedule(id, target.atTime(time).atZone(zone).toInstant(), version);
            return ResponseEntity.ok(message("task.rescheduled"));
        }
        catch (VersionConflictException | ObjectOptimisticLockingFailureException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(message("task.conflict"));
        }
        catch (BusinessRuleException e) {
            return ResponseEntity.unprocessableContent().body(message(e.messageKey(), e.arguments()));
        }
    }

    /** The users whose calendar the caller may open: themselves and, for managers, the users their scope covers. */
    private List<InteractionPages.Option> team() {
        DataScope scope = access.currentScope();
        UUID me = CrmPrincipal.current().map(CrmPrincipal::userId).orElse(null);
        return organization.activeUsers().stream()
                .filter(u -> u.id().equals(me) || scope.level() != DataScope.Level.OWN
                        && scope.allows(u.id(), u.departmentId()))
                .map(u -> new InteractionPages.Option(u.id().toString(), u.displayName())).toList();
    }

    private LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(date);
        }
        catch (DateTimeParseException e) {
            throw BusinessRuleException.onField("date", "calendar.range.invalid");
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
