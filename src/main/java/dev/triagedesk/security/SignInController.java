package dev.triagedesk.security;

import dev.triagedesk.staff.StaffService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff sign-in page and the first-run page that creates the first administrator. */
@Controller
class SignInController {

    private final FirstRunSetup setup;
    private final StaffService staff;

    SignInController(FirstRunSetup setup, StaffService staff) {
        this.setup = setup;
        this.staff = staff;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
                  @RequestParam(required = false) Long wait, @RequestParam(required = false) String signedOut,
                  @RequestParam(required = false) String expired, @RequestParam(required = false) String ended,
                  Model model) {
        if (setup.open()) {
            return "redirect:/setup";
        }
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
            return "redirect:/desk";
        }
        model.addAttribute("failed", error != null);
        model.addAttribute("throttledSeconds", throttled != null ? (wait == null ? 1 : Math.max(1, wait)) : null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("expired", expired != null);
        model.addAttribute("ended", ended != null);
        return "security/login";
    }

    @GetMapping("/setup")
    String setupPage(Model model) {
        if (!setup.open()) {
            return "redirect:/login";
        }
        model.addAttribute("minPassword", StaffService.MIN_PASSWORD);
        return "security/setup";
    }

    @PostMapping("/setup")
    String createFirstAdmin(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String username,
                            @RequestParam(defaultValue = "") String password,
                            @RequestParam(defaultValue = "") String confirmation, Model model,
                            RedirectAttributes redirect) {
        if (!setup.open()) {
            return "redirect:/login";
        }
        String problem = null;
        if (!setup.codeMatches(code)) {
            problem = "setup.badCode";
        } else if (!password.equals(confirmation)) {
            problem = "setup.mismatch";
        } else {
            try {
                if (staff.createFirstAdmin(username, password).isEmpty()) {
                    return "redirect:/login";
                }
                redirect.addFlashAttribute("messageKey", "setup.done");
                return "redirect:/login";
            } catch (IllegalArgumentException e) {
                model.addAttribute("problemText", e.getMessage());
            }
        }
        model.addAttribute("problem", problem);
        model.addAttribute("username", username);
        model.addAttribute("minPassword", StaffService.MIN_PASSWORD);
        return "security/setup";
    }
}
