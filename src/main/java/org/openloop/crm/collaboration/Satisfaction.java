package org.openloop.crm.collaboration;

/** The customer's satisfaction with the result (E6): 非常满意 / 满意 / 一般 / 不满意. */
public enum Satisfaction {
    VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED
}
