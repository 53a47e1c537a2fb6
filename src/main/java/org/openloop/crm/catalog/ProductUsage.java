package org.openloop.crm.catalog;

import java.util.UUID;

/**
 * SPI for modules that keep product ids on their records (quote lines, contract lines): a product any of them uses
 * cannot be deleted, only deactivated, so those records keep pointing at a real catalogue entry.
 */
public interface ProductUsage {

    /** Whether a record of the implementing module refers to the product. */
    boolean uses(UUID productId);
}
