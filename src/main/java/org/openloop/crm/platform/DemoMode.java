package org.openloop.crm.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether modules load their demo data: {@code crm.demo.enabled=true} or {@code false} decides; left at
 * {@code auto} (the default) only an embedded H2 database gets demo data, never a PostgreSQL one.
 */
@Component
public class DemoMode {

    private final boolean enabled;
    private final String password;

    DemoMode(@Value("${crm.demo.enabled:auto}") String setting, @Value("${spring.datasource.url:}") String url,
            @Value("${crm.demo.password:demo123}") String password) {
        this.enabled = switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> url.isBlank() || url.startsWith("jdbc:h2:");
        };
        this.password = password;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The password every demo user gets. */
    public String password() {
        return password;
    }
}
