package org.openloop.crm.quoting;

import java.lang.reflect.Constructor;

import org.openloop.crm.quoting.internal.QuotePdfRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** Builds the renderer outside Spring, with the bundled font, for unit tests. */
final class QuotePdfRendererFactory {

    private QuotePdfRendererFactory() {
    }

    static QuotePdfRenderer renderer() throws Exception {
        Constructor<QuotePdfRenderer> constructor = QuotePdfRenderer.class.getDeclaredConstructor(Resource.class,
                String.class, String.class, String.class);
        constructor.setAccessible(true);
        return constructor.newInstance(new ClassPathResource("fonts/DroidSansFallbackFull.ttf"), "OpenLoop 科技有限公司",
                "上海市浦东新区", "021-12345678");
    }
}
