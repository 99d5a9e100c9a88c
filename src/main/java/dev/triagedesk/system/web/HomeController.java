package dev.triagedesk.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what Triage Desk is, and the button that starts a report. */
@Controller
class HomeController {

    static final String VIEW_HOME = "system/home";

    @GetMapping("/")
    String home() {
        return VIEW_HOME;
    }
}
