/**
 * The timeline (C2): one newest-first stream of what happened around a record, which any module contributes
 * entries to through {@link org.openloop.crm.timeline.TimelineSource}. The module owning the record checks that the
 * reader may see it; each source applies the data scope of the entries it contributes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timeline")
package org.openloop.crm.timeline;
