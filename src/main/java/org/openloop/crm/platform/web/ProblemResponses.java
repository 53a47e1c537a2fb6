package org.openloop.crm.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a title and detail in the caller's language. Used by the API exception
 * handler and by the security filters, which answer before any controller runs.
 */
@Component
public class ProblemResponses {

    public static final String TYPE_BASE = "https://openloop-crm.org/problems/";

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail problem(HttpServletRequest request, int status, String detailKey, Object... arguments) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        String code = "problem." + status;
        problem.setType(URI.create(TYPE_BASE + status));
        problem.setTitle(messages.getMessage(code + ".title", null, HttpStatus.valueOf(status).getReasonPhrase(),
                locale));
        problem.setDetail(messages.getMessage(detailKey == null ? code + ".detail" : detailKey, arguments,
                detailKey == null ? null : detailKey, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    public String message(HttpServletRequest request, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale(request));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        ProblemDetail problem = problem(request, status, null);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    private static Locale locale(HttpServletRequest request) {
        try {
            return RequestContextUtils.getLocale(request);
        }
        catch (IllegalStateException e) {
            return request.getLocale();
        }
    }
}
