package org.openloop.crm.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign as pages, API and exports show it. {@code steps} are the workflow steps the status allows now
 * ({@code start}, {@code complete}, {@code cancel}); {@code formToken} is the path segment of the public form
 * ({@code /public/forms/{token}}).
 */
public record CampaignView(UUID id, String name, CampaignType type, CampaignStatus status, LocalDate startDate,
        LocalDate endDate, BigDecimal budget, BigDecimal actualCost, BigDecimal expectedRevenue, String currency,
        String description, Map<String, String> segment, boolean formEnabled, String formToken, UUID ownerId,
        String ownerName, UUID departmentId, Instant createdAt, long version, List<String> steps) {

    /** Whether the workflow allows {@code step} now. */
    public boolean can(String step) {
        return steps.contains(step);
    }
}
