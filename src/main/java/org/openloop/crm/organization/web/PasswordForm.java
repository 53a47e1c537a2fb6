package org.openloop.crm.organization.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Changing one's own password: the current one, the new one and the new one again. */
class PasswordForm {

    @NotEmpty
    private String currentPassword;
    @NotEmpty
    @Size(min = 8, max = 100, message = "{user.password.size}")
    private String newPassword;
    @NotEmpty
    private String repeatPassword;

    /** Whether the repetition matches (checked only when both are given). */
    boolean repeated() {
        return newPassword == null || newPassword.equals(repeatPassword);
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
