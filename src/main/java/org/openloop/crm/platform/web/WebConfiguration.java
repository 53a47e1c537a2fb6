package org.openloop.crm.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Language (K4): Simplified Chinese and English. The browser's preference decides until the user picks one with
 * {@code ?lang=zh-CN} or {@code ?lang=en}, which is remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("CRM_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            for (var locales = request.getLocales(); locales.hasMoreElements();) {
                Optional<Locale> match = supported(locales.nextElement().toLanguageTag());
                if (match.isPresent()) {
                    return match.get();
                }
            }
            return Locale.SIMPLIFIED_CHINESE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String requested = request.getParameter("lang");
                if (requested != null) {
                    supported(requested).ifPresent(locale -> RequestContextUtils.getLocaleResolver(request)
                            .setLocale(request, response, locale));
                }
                return true;
            }
        });
    }

    /** Maps {@code zh}, {@code zh-CN}, {@code en}, {@code en-US} … to a supported locale; others are ignored. */
    static Optional<Locale> supported(String tag) {
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }
}
