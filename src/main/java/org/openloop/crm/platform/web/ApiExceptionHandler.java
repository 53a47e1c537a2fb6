package org.openloop.crm.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error of a REST endpoint as RFC 9457 problem+json (K3). Validation errors list each field with a message in
 * the caller's language; a record outside the caller's scope is a plain 404.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemResponses problems;
    private final MessageSource messages;

    ApiExceptionHandler(ProblemResponses problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ProblemDetail notFound(HttpServletRequest request) {
        return problems.problem(request, 404, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(HttpServletRequest request) {
        return problems.problem(request, 403, null);
    }

    @ExceptionHandler({ VersionConflictException.class, ObjectOptimisticLockingFailureException.class })
    ProblemDetail versionConflict(HttpServletRequest request, Exception e) {
        boolean precondition = e instanceof VersionConflictException v && v.precondition();
        return problems.problem(request, precondition ? 412 : 409, "problem.versionConflict");
    }

    /**
     * Two requests writing the same unique value at the same moment (a repeated external id, say): the loser gets a
     * conflict to retry, not a server error. Logged, because a constraint the code should have checked first also
     * lands here.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail concurrentWrite(HttpServletRequest request, org.springframework.dao.DataIntegrityViolationException e) {
        LOG.warn("Constraint violation on {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause() == null ? e.getMessage() : e.getMostSpecificCause().getMessage());
        return problems.problem(request, 409, "problem.concurrentWrite");
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail businessRule(HttpServletRequest request, BusinessRuleException e) {
        ProblemDetail problem = problems.problem(request, e.conflict() ? 409 : 422, e.messageKey(), e.arguments());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", problem.getDetail())));
        }
        return problem;
    }

    @ExceptionHandler(org.openloop.crm.shared.InvalidInputException.class)
    ProblemDetail invalidInput(HttpServletRequest request, org.openloop.crm.shared.InvalidInputException e) {
        ProblemDetail problem = problems.problem(request, 400, "problem.validation");
        java.util.Locale locale = RequestContextUtils.getLocale(request);
        problem.setProperty("errors", e.problems().stream().map(p -> Map.of("field", p.field(), "message",
                messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale))).toList());
        return problem;
    }

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(HttpServletRequest request, InvalidQueryException e) {
        ProblemDetail problem = problems.problem(request, 400, e.messageKey(), e.arguments());
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", problem.getDetail())));
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(HttpServletRequest request, IllegalArgumentException e) {
        LOG.debug("Rejected API input", e);
        return problems.problem(request, 400, null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        ProblemDetail problem = problems.problem(servletRequest, 400, "problem.validation");
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message",
                    messages.getMessage(error, RequestContextUtils.getLocale(servletRequest))));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(Map.of("field", error.getObjectName(),
                "message", messages.getMessage(error, RequestContextUtils.getLocale(servletRequest)))));
        problem.setProperty("errors", errors);
        return ResponseEntity.status(400).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return ResponseEntity.status(400).headers(headers)
                .body(problems.problem(servletRequest, 400, "problem.unreadable"));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        ProblemDetail problem = problems.problem(servletRequest, 400, "problem.validation");
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                Map.of("field", result.getMethodParameter().getParameterName() == null ? "" :
                        result.getMethodParameter().getParameterName(),
                        "message", messages.getMessage(error, RequestContextUtils.getLocale(servletRequest))))));
        problem.setProperty("errors", errors);
        return ResponseEntity.status(400).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        // Localise the generic problems Spring MVC raises itself (unreadable JSON, wrong method, bad parameter type).
        if (body instanceof ProblemDetail detail && detail.getProperties() == null) {
            HttpServletRequest servletRequest = ((NativeWebRequest) request)
                    .getNativeRequest(HttpServletRequest.class);
            ProblemDetail localised = problems.problem(servletRequest, statusCode.value(), null);
            return super.createResponseEntity(localised, headers, statusCode, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(HttpServletRequest request, Exception e) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.problem(request, 500, null);
    }
}
