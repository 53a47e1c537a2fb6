package org.openloop.crm.platform.web;

import org.openloop.crm.shared.BusinessRuleException;
import org.openloop.crm.shared.InvalidQueryException;
import org.openloop.crm.shared.RecordNotFoundException;
import org.openloop.crm.shared.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors of HTML pages: a page that tells the person what happened, in their language (K4). Requests under
 * {@code /api/} that never reached a REST controller (an unknown path, say) still get problem+json.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final ProblemResponses problems;

    PageExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler({ RecordNotFoundException.class, NoResourceFoundException.class })
    Object notFound(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, 404, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object forbidden(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, 403, null);
    }

    @ExceptionHandler({ VersionConflictException.class, ObjectOptimisticLockingFailureException.class })
    Object conflict(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, 409, "problem.versionConflict");
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    Object concurrentWrite(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, 409, "problem.concurrentWrite");
    }

    @ExceptionHandler(BusinessRuleException.class)
    Object rule(HttpServletRequest request, HttpServletResponse response, BusinessRuleException e) {
        return render(request, response, e.conflict() ? 409 : 422, e.messageKey(), e.arguments());
    }

    @ExceptionHandler(InvalidQueryException.class)
    Object invalidQuery(HttpServletRequest request, HttpServletResponse response, InvalidQueryException e) {
        return render(request, response, 400, e.messageKey(), e.arguments());
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            IllegalArgumentException.class })
    Object badRequest(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, 400, null);
    }

    /** An upload over spring.servlet.multipart.max-file-size that no controller answered itself. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, 413, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, 405, null);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(HttpServletRequest request, HttpServletResponse response, Exception e) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(request, response, 500, null);
    }

    private Object render(HttpServletRequest request, HttpServletResponse response, int status, String detailKey,
            Object... arguments) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(request, status, detailKey, arguments));
        }
        response.setStatus(status);
        ModelAndView view = new ModelAndView("error/problem", HttpStatus.valueOf(status));
        view.addObject("status", status);
        view.addObject("title", problems.message(request, "problem." + status + ".title"));
        view.addObject("detail", problems.message(request,
                detailKey == null ? "problem." + status + ".detail" : detailKey, arguments));
        return view;
    }
}
