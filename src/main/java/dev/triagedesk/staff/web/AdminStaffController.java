package dev.triagedesk.staff.web;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.SignedInStaff;
import dev.triagedesk.staff.StaffService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators add staff members, disable and enable them, set new passwords for them and make them agents or
 * administrators. Each change is recorded in the audit log under the administrator's name (see Activity).
 */
@Controller
@RequestMapping("/admin/staff")
class AdminStaffController {

    private final StaffService staff;

    AdminStaffController(StaffService staff) {
        this.staff = staff;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInStaff me, Model model) {
        model.addAttribute("members", staff.all());
        model.addAttribute("activeTokens", staff.activeTokenCounts());
        model.addAttribute("myId", me == null ? null : me.getStaffId());
        model.addAttribute("roles", Role.values());
        model.addAttribute("minPassword", StaffService.MIN_PASSWORD);
        return "staff/admin";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
               @RequestParam(defaultValue = "AGENT") Role role, @RequestParam(defaultValue = "") String password,
               @AuthenticationPrincipal SignedInStaff me, RedirectAttributes redirect) {
        try {
            staff.create(username, displayName.isBlank() ? null : displayName.strip(), password, role, me.getUsername());
            redirect.addFlashAttribute("messageKey", "admin.added");
            redirect.addFlashAttribute("messageArg", username.trim());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
            redirect.addFlashAttribute("draftUsername", username);
            redirect.addFlashAttribute("draftDisplayName", displayName);
        }
        return "redirect:/admin/staff";
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInStaff me,
                  RedirectAttributes redirect) {
        try {
            if (!enabled && id == me.getStaffId()) {
                throw new IllegalArgumentException("you cannot disable your own account");
            }
            staff.setEnabled(id, enabled, me.getUsername());
            redirect.addFlashAttribute("messageKey", enabled ? "admin.enabled" : "admin.disabled");
            redirect.addFlashAttribute("messageArg", staff.byId(id).orElseThrow().getUsername());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
        }
        return "redirect:/admin/staff";
    }

    /**
     * Sets a new password for a member. The form offers, ticked, to revoke the member's API tokens too (whoever
     * may have learnt the old password may have made one); unticked, they keep working.
     */
    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "false") boolean revokeTokens,
                         @AuthenticationPrincipal SignedInStaff me, RedirectAttributes redirect) {
        try {
            int revoked = staff.resetPassword(id, password, me.getUsername(), revokeTokens);
            redirect.addFlashAttribute("messageKey", revoked > 0 ? "admin.passwordSetTokensRevoked" : "admin.passwordSet");
            redirect.addFlashAttribute("messageArg", staff.byId(id).orElseThrow().getUsername());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
        }
        return "redirect:/admin/staff";
    }

    /**
     * Makes a staff member an agent or an administrator. The last enabled administrator stays one (an administrator
     * demoting themself must leave another); the member's open sessions end, so the new role applies at once.
     */
    @PostMapping("/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam Role role, @AuthenticationPrincipal SignedInStaff me,
                      RedirectAttributes redirect) {
        try {
            staff.changeRole(id, role, me.getUsername());
            redirect.addFlashAttribute("messageKey", role == Role.ADMIN ? "admin.madeAdmin" : "admin.madeAgent");
            redirect.addFlashAttribute("messageArg", staff.byId(id).orElseThrow().getUsername());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
        }
        return "redirect:/admin/staff";
    }
}
