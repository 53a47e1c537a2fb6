package org.openloop.crm.platform.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** Model values the layout needs on every page. */
@ControllerAdvice
class LayoutModelAdvice {

    /** The current path without query, so the language switch can link back to the same page. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.isEmpty() ? "/" : uri;
    }
}
