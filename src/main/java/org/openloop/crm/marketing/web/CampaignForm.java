package org.openloop.crm.marketing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openloop.crm.marketing.CampaignDraft;
import org.openloop.crm.marketing.CampaignType;
import org.openloop.crm.marketing.CampaignView;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The page form of a campaign; the segment's filters are separate inputs, tags a multiple choice. */
public class CampaignForm {

    @NotBlank
    @Size(max = 200)
    private String name;
    @NotNull
    private CampaignType type = CampaignType.CONFERENCE;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    @DecimalMin("0")
    @Digits(integer = 12, fraction = 2)
    private BigDecimal budget;
    @DecimalMin("0")
    @Digits(integer = 12, fraction = 2)
    private BigDecimal actualCost;
    @DecimalMin("0")
    @Digits(integer = 12, fraction = 2)
    private BigDecimal expectedRevenue;
    @Size(max = 4000)
    private String description;
    private String segmentType;
    private String segmentLevel;
    private String segmentSource;
    @Size(max = 100)
    private String segmentIndustry;
    private List<UUID> segmentTags = new ArrayList<>();
    private String segmentTagMatch = "any";
    /** Kept as it was: the page offers no other currency than the default. */
    @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{3}")
    private String currency;
    private Long version;

    static CampaignForm of(CampaignView c) {
        CampaignForm form = new CampaignForm();
        form.name = c.name();
        form.type = c.type();
        form.startDate = c.startDate();
        form.endDate = c.endDate();
        form.budget = c.budget();
        form.actualCost = c.actualCost();
        form.expectedRevenue = c.expectedRevenue();
        form.description = c.description();
        Map<String, String> s = c.segment();
        form.segmentType = s.get("type");
        form.segmentLevel = s.get("level");
        form.segmentSource = s.get("source");
        form.segmentIndustry = s.get("industry");
        if (s.get("tags") != null) {
            for (String tag : s.get("tags").split(",")) {
                try {
                    form.segmentTags.add(UUID.fromString(tag.trim()));
                }
                catch (IllegalArgumentException e) {
                    // a stored tag that is no id any more is simply not shown
                }
            }
        }
        form.segmentTagMatch = s.getOrDefault("tagMatch", "any");
        form.currency = c.currency();
        form.version = c.version();
        return form;
    }

    CampaignDraft draft() {
        Map<String, String> segment = new LinkedHashMap<>();
        put(segment, "type", segmentType);
        put(segment, "level", segmentLevel);
        put(segment, "source", segmentSource);
        put(segment, "industry", segmentIndustry);
        if (!segmentTags.isEmpty()) {
            segment.put("tags", String.join(",", segmentTags.stream().map(UUID::toString).toList()));
            put(segment, "tagMatch", segmentTagMatch);
        }
        return new CampaignDraft(name, type, startDate, endDate, budget, actualCost, expectedRevenue, currency,
                description, segment, version);
    }

    private static void put(Map<String, String> segment, String key, String value) {
        if (value != null && !value.isBlank()) {
            segment.put(key, value.trim());
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public CampaignType getType() { return type; }
    public void setType(CampaignType type) { this.type = type; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public BigDecimal getBudget() { return budget; }
    public void setBudget(BigDecimal budget) { this.budget = budget; }
    public BigDecimal getActualCost() { return actualCost; }
    public void setActualCost(BigDecimal actualCost) { this.actualCost = actualCost; }
    public BigDecimal getExpectedRevenue() { return expectedRevenue; }
    public void setExpectedRevenue(BigDecimal expectedRevenue) { this.expectedRevenue = expectedRevenue; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSegmentType() { return segmentType; }
    public void setSegmentType(String segmentType) { this.segmentType = segmentType; }
    public String getSegmentLevel() { return segmentLevel; }
    public void setSegmentLevel(String segmentLevel) { this.segmentLevel = segmentLevel; }
    public String getSegmentSource() { return segmentSource; }
    public void setSegmentSource(String segmentSource) { this.segmentSource = segmentSource; }
    public String getSegmentIndustry() { return segmentIndustry; }
    public void setSegmentIndustry(String segmentIndustry) { this.segmentIndustry = segmentIndustry; }
    public List<UUID> getSegmentTags() { return segmentTags; }
    public void setSegmentTags(List<UUID> segmentTags) { this.segmentTags = segmentTags == null ? new ArrayList<>() : segmentTags; }
    public String getSegmentTagMatch() { return segmentTagMatch; }
    public void setSegmentTagMatch(String segmentTagMatch) { this.segmentTagMatch = segmentTagMatch; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
