package org.openloop.crm.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.openloop.crm.activity.internal.ActivityNotices;
import org.openloop.crm.activity.internal.Task;
import org.openloop.crm.activity.internal.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends each open task's reminder once when its reminder time has come, and its overdue alarm once when its due time
 * has passed (D4). Each notice is sent in the transaction that marks the task with a conditional update, so a rerun,
 * a second instance or a crash between the two can never send it twice.
 */
@Component
class TaskReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(TaskReminderJob.class);
    private static final int BATCH = 200;

    private final Tasks tasks;
    private final ActivityNotices notices;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TaskReminderJob(Tasks tasks, ActivityNotices notices, TransactionTemplate transactions, Clock clock) {
        this.tasks = tasks;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.activity.reminder-cron:0 * * * * *}", zone = "${crm.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "task-reminders", lockAtMostFor = "PT5M")
    public void run() {
        Result result = remindAndAlarm();
        if (result.reminded() + result.alarmed() > 0) {
            LOG.info("Tasks: {} reminders, {} overdue alarms", result.reminded(), result.alarmed());
        }
    }

    record Result(int reminded, int alarmed) {
    }

    Result remindAndAlarm() {
        Instant now = clock.instant();
        int reminded = inBatches(() -> tasks.findRemindersDue(now, PageRequest.of(0, BATCH)), task -> {
            if (tasks.markReminded(task.getId(), now) == 1) {
                notices.reminder(task);
                return true;
            }
            return false;
        });
        int alarmed = inBatches(() -> tasks.findOverdueUnalarmed(now, PageRequest.of(0, BATCH)), task -> {
            if (tasks.markOverdueAlarmed(task.getId(), now) == 1) {
                notices.overdue(task);
                return true;
            }
            return false;
        });
        return new Result(reminded, alarmed);
    }

    private int inBatches(java.util.function.Supplier<List<Task>> batch,
            java.util.function.Predicate<Task> send) {
        int total = 0;
        while (true) {
            int[] counts = transactions.execute(status -> {
                List<Task> due = batch.get();
                int sent = 0;
                for (Task task : due) {
                    if (send.test(task)) {
                        sent++;
                    }
                }
                return new int[] {due.size(), sent};
            });
            total += counts[1];
            if (counts[0] < BATCH) {
                return total;
            }
        }
    }
}
