package dev.triagedesk.report.web;

import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * When a value cannot even be converted (a word in a number field), Spring builds the form record with that
 * component left empty but skips Bean Validation of the rest; the reporter would then see one error, fix it, and
 * only then meet the next. This runs the validation so every error shows at once. Fields that failed conversion
 * keep their conversion error only.
 */
@Component
class FormValidation {

    private final SpringValidatorAdapter validator;

    FormValidation(Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    void complete(Object form, BindingResult result) {
        if (form != null && result.hasErrors() && result.getAllErrors().stream()
                .allMatch(e -> e instanceof FieldError f && f.isBindingFailure())) {
            validator.validate(form, result);
        }
    }
}
