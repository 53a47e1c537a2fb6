package org.openloop.crm.marketing;

/** A campaign member's response (J1). */
public enum MemberStatus {
    /** 已邀请 */
    INVITED,
    /** 已响应 */
    RESPONDED,
    /** 已参加 */
    ATTENDED,
    /** 无响应 */
    NO_RESPONSE;

    /** Whether the member answered (counts as a response). */
    public boolean responded() {
        return this == RESPONDED || this == ATTENDED;
    }
}
