package org.openloop.crm.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the start page of the UI shell (K4). */
@Controller
class ShellController {

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    @GetMapping("/")
    String home() {
        return "platform/home";
    }
}
