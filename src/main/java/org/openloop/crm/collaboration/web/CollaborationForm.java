package org.openloop.crm.collaboration.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.collaboration.CollaborationPriority;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The page form for starting a collaboration task; the expected time is local to the company's time zone. */
public class CollaborationForm {

    @NotNull
    private UUID customerId;
    private List<UUID> departmentIds = new ArrayList<>();
    private List<UUID> userIds = new ArrayList<>();
    @NotBlank
    @Size(max = 2000)
    private String content;
    @Size(max = 4000)
    private String background;
    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime expectedAt;
    @Size(max = 2000)
    private String resources;
    @NotNull
    private CollaborationPriority priority = CollaborationPriority.NORMAL;

    public UUID getCustomerId() { return customerId; }
    public void setCustomerId(UUID customerId) { this.customerId = customerId; }
    public List<UUID> getDepartmentIds() { return departmentIds; }
    public void setDepartmentIds(List<UUID> departmentIds) { this.departmentIds = departmentIds == null ? new ArrayList<>() : departmentIds; }
    public List<UUID> getUserIds() { return userIds; }
    public void setUserIds(List<UUID> userIds) { this.userIds = userIds == null ? new ArrayList<>() : userIds; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public String getBackground() { return background; }
    public void setBackground(String background) { this.background = background; }
    public LocalDateTime getExpectedAt() { return expectedAt; }
    public void setExpectedAt(LocalDateTime expectedAt) { this.expectedAt = expectedAt; }
    public String getResources() { return resources; }
    public void setResources(String resources) { this.resources = resources; }
    public CollaborationPriority getPriority() { return priority; }
    public void setPriority(CollaborationPriority priority) { this.priority = priority; }
}
