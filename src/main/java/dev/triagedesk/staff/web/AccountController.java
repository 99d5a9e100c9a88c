package dev.triagedesk.staff.web;

import dev.triagedesk.staff.SignInRenewal;
import dev.triagedesk.staff.SignedInStaff;
import dev.triagedesk.staff.StaffService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member's own account: their password and their personal API tokens for scripts. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final StaffService staff;
    private final SignInRenewal signIns;

    AccountController(StaffService staff, SignInRenewal signIns) {
        this.staff = staff;
        this.signIns = signIns;
    }

    @GetMapping
    String account(@AuthenticationPrincipal SignedInStaff me, Model model) {
        model.addAttribute("tokens", staff.tokensOf(me.getStaffId()));
        model.addAttribute("minPassword", StaffService.MIN_PASSWORD);
        return "staff/account";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal SignedInStaff me, @RequestParam(defaultValue = "") String current,
                          @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String confirmation, RedirectAttributes redirect,
                          HttpServletRequest request, HttpServletResponse response) {
        try {
            if (!password.equals(confirmation)) {
                throw new IllegalArgumentException("the two new passwords differ");
            }
            staff.changeOwnPassword(me.getStaffId(), current, password);
            // this browser stays signed in; sessions elsewhere, made with the old password, end
            signIns.renew(request, response);
            redirect.addFlashAttribute("messageKey", "account.passwordChanged");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
        }
        return "redirect:/account";
    }

    /** Issues a token; its value is shown once, on the page the browser is redirected to, and never again. */
    @PostMapping("/tokens")
    String issue(@AuthenticationPrincipal SignedInStaff me, @RequestParam(defaultValue = "") String name,
                 RedirectAttributes redirect) {
        StaffService.IssuedToken token = staff.issueToken(me.getStaffId(), name);
        redirect.addFlashAttribute("newToken", token.raw());
        redirect.addFlashAttribute("newTokenName", token.token().getName());
        return "redirect:/account";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInStaff me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            staff.revokeToken(me.getStaffId(), id);
            redirect.addFlashAttribute("messageKey", "account.tokenRevoked");
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            redirect.addFlashAttribute("errorText", "That token is not one of yours.");
        }
        return "redirect:/account";
    }
}
