package org.openloop.crm.customfield.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.openloop.crm.customfield.CustomFieldOption;
import org.openloop.crm.customfield.CustomFieldType;
import org.openloop.crm.platform.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Example custom fields for the demo company: two on customers, one on contacts; none required. */
@Component
@Order(30)
class CustomFieldDemoData implements ApplicationRunner {

    private final FieldDefinitions definitions;
    private final DemoMode demo;
    private final Clock clock;

    CustomFieldDemoData(FieldDefinitions definitions, DemoMode demo, Clock clock) {
        this.definitions = definitions;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || definitions.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        define("customer", "annual_purchases", CustomFieldType.MONEY, new FieldDefinition.Settings("年采购额",
                "Annual purchases", false, null, java.math.BigDecimal.ZERO, null, null, List.of(), 10, true, true),
                now);
        define("customer", "partnership_stage", CustomFieldType.SINGLE_SELECT, new FieldDefinition.Settings("合作阶段",
                "Partnership stage", false, null, null, null, null, List.of(
                        new CustomFieldOption("initial", "初步接触", "Initial contact"),
                        new CustomFieldOption("trial", "试用", "Trial"),
                        new CustomFieldOption("partner", "长期合作", "Long-term partner")), 20, true, true), now);
        define("contact", "interests", CustomFieldType.TEXT, new FieldDefinition.Settings("兴趣爱好", "Interests",
                false, 200, null, null, null, List.of(), 10, false, false), now);
    }

    private void define(String recordType, String key, CustomFieldType type, FieldDefinition.Settings settings,
            Instant now) {
        FieldDefinition field = new FieldDefinition(recordType, key, type, now);
        field.update(settings, now);
        definitions.save(field);
    }
}
