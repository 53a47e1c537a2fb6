package org.openloop.crm.contract.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the project keeps it: scale 2, half up. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal of(BigDecimal value) {
        return value == null ? ZERO : value.setScale(2, RoundingMode.HALF_UP);
    }
}
