package org.openloop.crm.marketing;

/**
 * The outcome of adding the target segment to the members: {@code added} new members, {@code alreadyMembers}
 * skipped, {@code truncated} when the action stopped at its bound and more customers matched.
 */
public record SegmentResult(int added, int alreadyMembers, boolean truncated) {
}
